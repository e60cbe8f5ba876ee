package org.polity.jakarta.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.polity.jakarta.Capabilities;
import org.polity.jakarta.config.DatabaseSettings;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.spi.Capability;

/**
 * Polity's database: the data source (the portal's, by JNDI name, or a HikariCP pool over the
 * configured JDBC URL), the Flyway migrations, and Polity's own persistence unit.
 *
 * <p>The schema belongs to Flyway: the migrations of every capability (each names its folder, such
 * as {@code db/migration/polity/voting}, in its {@link Capability} descriptor; versions are global)
 * create and upgrade it, recorded in the table {@value #HISTORY_TABLE}. The persistence unit lists
 * the entities the capabilities declare. The ORM is told to validate the schema, never to change
 * it. Work runs in local transactions through {@link #inTransaction(Function)}, which returns only
 * after the commit succeeded, so that nothing is acknowledged before it is durable.
 */
@ApplicationScoped
public class PolityDatabase {

  /** Flyway's history table for Polity's migrations (apart from any the portal keeps). */
  public static final String HISTORY_TABLE = "polity_schema_history";

  private static final Logger LOG = Logger.getLogger(PolityDatabase.class.getName());

  @Inject PolitySettings settings;
  @Inject Capabilities capabilities;

  private DataSource dataSource;
  private HikariDataSource ownedPool;
  private EntityManagerFactory entityManagerFactory;

  /** Creates the bean; CDI calls it. */
  public PolityDatabase() {}

  /**
   * Opens a database outside CDI (tests, tools): data source, the migrations and entities of the
   * capabilities given, persistence unit. Close it with {@link #close()}.
   *
   * @param database where the data lives
   * @param capabilities the capabilities whose tables and entities are used (none: plain JDBC)
   * @return the open database
   */
  public static PolityDatabase open(DatabaseSettings database, Capability... capabilities) {
    return open(database, List.of(capabilities));
  }

  /**
   * Opens a database outside CDI (tests, tools), as {@link #open(DatabaseSettings, Capability...)}.
   *
   * @param database where the data lives
   * @param capabilities the capabilities whose tables and entities are used
   * @return the open database
   */
  public static PolityDatabase open(
      DatabaseSettings database, Collection<? extends Capability> capabilities) {
    PolityDatabase opened = new PolityDatabase();
    opened.start(database, Capabilities.of(capabilities));
    return opened;
  }

  @PostConstruct
  void start() {
    start(settings.database(), capabilities);
  }

  private void start(DatabaseSettings database, Capabilities capabilities) {
    if (database.jndiName().isPresent()) {
      dataSource = lookUp(database.jndiName().get());
    } else {
      HikariConfig pool = new HikariConfig();
      pool.setPoolName("polity");
      pool.setJdbcUrl(database.url().orElseThrow());
      pool.setUsername(database.user());
      pool.setPassword(database.password());
      pool.setMaximumPoolSize(database.poolSize());
      ownedPool = new HikariDataSource(pool);
      dataSource = ownedPool;
    }
    try {
      List<String> locations = capabilities.migrationLocations();
      if (database.migrate() && !locations.isEmpty()) {
        var result =
            Flyway.configure(PolityDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .table(HISTORY_TABLE)
                // The schema may already hold the portal's own tables: start Polity's history at
                // version 0 there, so that every Polity migration still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // Each capability brings its own migrations, numbered in one sequence: a capability
                // added to a running installation (or deployed after another one that migrated
                // first) has versions below the applied ones, and they must still run.
                .outOfOrder(true)
                // ... and a deployment that leaves a capability out keeps its applied history.
                .ignoreMigrationPatterns("*:missing")
                .load()
                .migrate();
        LOG.info(
            "Polity schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now).");
      }
      entityManagerFactory =
          createEntityManagerFactory(dataSource, new ArrayList<>(capabilities.entities()));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static DataSource lookUp(String jndiName) {
    try {
      return (DataSource) new InitialContext().lookup(jndiName);
    } catch (NamingException | ClassCastException e) {
      throw new IllegalStateException(
          PolitySettings.DATASOURCE_JNDI_NAME
              + " is '"
              + jndiName
              + "' but no data source is bound there: "
              + e.getMessage()
              + ". Define the data source in the portal's server, or set "
              + PolitySettings.DATABASE_URL
              + " instead.",
          e);
    }
  }

  private static EntityManagerFactory createEntityManagerFactory(
      DataSource dataSource, List<Class<?>> entities) {
    List<PersistenceProvider> providers =
        PersistenceProviderResolverHolder.getPersistenceProviderResolver()
            .getPersistenceProviders();
    if (providers.isEmpty()) {
      throw new IllegalStateException(
          "No Jakarta Persistence provider is on the class path: add Hibernate ORM (the standalone"
              + " runtime does) or deploy on a Jakarta EE server.");
    }
    Map<String, Object> properties =
        Map.of(
            "jakarta.persistence.schema-generation.database.action", "none",
            "hibernate.hbm2ddl.auto", "validate",
            "hibernate.connection.handling_mode",
                "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION");
    return providers
        .get(0)
        .createContainerEntityManagerFactory(
            new PolityPersistenceUnit(dataSource, entities), properties);
  }

  /**
   * Runs work in one local transaction, committed before this method returns.
   *
   * @param work what to do with the entity manager; its result is returned after the commit
   * @param <T> the result type
   * @return the work's result, once committed
   * @throws RuntimeException whatever the work or the commit threw; the transaction is rolled back
   */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager entityManager = entityManagerFactory.createEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    try {
      transaction.begin();
      T result = work.apply(entityManager);
      transaction.commit();
      return result;
    } catch (RuntimeException e) {
      if (transaction.isActive()) {
        try {
          transaction.rollback();
        } catch (RuntimeException rollback) {
          e.addSuppressed(rollback);
        }
      }
      throw e;
    } finally {
      entityManager.close();
    }
  }

  /**
   * Work on a JDBC connection inside a transaction of {@link #inJdbcTransaction}.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  public interface JdbcWork<T> {
    /**
     * Does the work.
     *
     * @param connection a connection with auto-commit off; do not commit or close it
     * @return the result
     * @throws SQLException whatever the database refused; the transaction is rolled back
     */
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Runs plain JDBC work in one local transaction on Polity's data source, committed before this
   * method returns: the path for hot, simple statements (casting a ballot) that need no entity
   * state. The connection's auto-commit setting is restored before it returns to the pool.
   *
   * @param work the statements to run
   * @param <T> the result type
   * @return the work's result, once committed
   * @throws SQLException whatever the work or the commit threw; the transaction is rolled back
   */
  public <T> T inJdbcTransaction(JdbcWork<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      try {
        T result = work.apply(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        if (autoCommit) {
          connection.setAutoCommit(true);
        }
      }
    }
  }

  /**
   * Whether the database answers within the time given.
   *
   * @param seconds how long to wait
   * @return the database product and version when it answers
   * @throws SQLException when it does not
   */
  public String check(int seconds) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(seconds)) {
        throw new SQLException("The database did not answer within " + seconds + " s.");
      }
      var meta = connection.getMetaData();
      return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }
  }

  /**
   * The data source in use (for health checks and tests).
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Closes the persistence unit and the pool this object opened (not a portal's data source). */
  @PreDestroy
  public void close() {
    if (entityManagerFactory != null && entityManagerFactory.isOpen()) {
      entityManagerFactory.close();
    }
    if (ownedPool != null) {
      ownedPool.close();
    }
  }
}
