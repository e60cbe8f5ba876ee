package org.polity.jakarta.assembly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.polity.common.ProcessId;
import org.polity.identity.ParticipantKey;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.persistence.PolityDatabase;

/**
 * The tables of the pool (migration V9): {@code polity_pool_declaration}, one row per process with
 * its declaration as JSON; {@code polity_pool_registration}, one row per person in a pool, keyed by
 * process and participant key. Plain JDBC on Polity's data source; every method is one committed
 * transaction.
 */
@ApplicationScoped
class PoolStore {

  /** A stored declaration. */
  record Declared(PoolDeclaration declaration, long version, String declaredBy) {}

  @Inject PolityDatabase database;

  /** Creates the store; CDI calls it. */
  PoolStore() {}

  /**
   * The declaration of a process's pool.
   *
   * @param process the process
   * @return the declaration, or empty when none is declared
   */
  Optional<Declared> declaration(ProcessId process) {
    return jdbc(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT document, version, declared_by FROM polity_pool_declaration"
                      + " WHERE process_id = ?")) {
            select.setString(1, process.value());
            try (ResultSet result = select.executeQuery()) {
              if (!result.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Declared(
                      PoolJson.declaration(json(result.getString(1))),
                      result.getLong(2),
                      result.getString(3)));
            }
          }
        });
  }

  /**
   * Stores a declaration, replacing the previous one.
   *
   * @param process the process
   * @param declaration the declaration
   * @param by the staff member
   * @return the new version
   */
  long declare(ProcessId process, PoolDeclaration declaration, String by) {
    return jdbc(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE polity_pool_declaration SET document = ?, declared_by = ?,"
                      + " version = version + 1 WHERE process_id = ?")) {
            update.setString(1, PoolJson.json(declaration).toString());
            update.setString(2, by);
            update.setString(3, process.value());
            if (update.executeUpdate() == 0) {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO polity_pool_declaration"
                          + " (process_id, version, declared_by, document) VALUES (?, 1, ?, ?)")) {
                insert.setString(1, process.value());
                insert.setString(2, by);
                insert.setString(3, PoolJson.json(declaration).toString());
                insert.executeUpdate();
              }
            }
          }
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT version FROM polity_pool_declaration WHERE process_id = ?")) {
            select.setString(1, process.value());
            try (ResultSet result = select.executeQuery()) {
              result.next();
              return result.getLong(1);
            }
          }
        });
  }

  /**
   * Every registration of a process's pool, in registration order.
   *
   * @param process the process
   * @return the registrations with their participant keys
   */
  Map<ParticipantKey, PoolRegistration> registrations(ProcessId process) {
    return jdbc(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT participant_key, respondent_id, features, channel, encoded_by,"
                      + " registered_at FROM polity_pool_registration WHERE process_id = ?"
                      + " ORDER BY registered_at, respondent_id")) {
            select.setString(1, process.value());
            Map<ParticipantKey, PoolRegistration> rows = new LinkedHashMap<>();
            try (ResultSet result = select.executeQuery()) {
              while (result.next()) {
                rows.put(ParticipantKey.parse(result.getString(1)), registration(result));
              }
            }
            return rows;
          }
        });
  }

  /**
   * Adds a registration, unless the person is already in the pool.
   *
   * @param process the process
   * @param key the person's participant key
   * @param registration the registration
   * @return true when added; false when the key is already registered
   */
  boolean insert(ProcessId process, ParticipantKey key, PoolRegistration registration) {
    return jdbc(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT 1 FROM polity_pool_registration"
                      + " WHERE process_id = ? AND participant_key = ?")) {
            select.setString(1, process.value());
            select.setString(2, key.toString());
            try (ResultSet result = select.executeQuery()) {
              if (result.next()) {
                return false;
              }
            }
          }
          var features = Jsonp.JSON.createObjectBuilder();
          registration.features().forEach(features::add);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO polity_pool_registration (process_id, participant_key,"
                      + " respondent_id, features, channel, encoded_by, registered_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, process.value());
            insert.setString(2, key.toString());
            insert.setString(3, registration.respondentId());
            insert.setString(4, features.build().toString());
            insert.setString(5, registration.channel().code());
            insert.setString(6, registration.encodedBy().orElse(null));
            insert.setObject(7, registration.registeredAt().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
            return true;
          } catch (SQLException e) {
            // a concurrent registration of the same person took the key first
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
              connection.rollback();
              return false;
            }
            throw e;
          }
        });
  }

  /**
   * Removes a person from a pool.
   *
   * @param process the process
   * @param key the person's participant key
   * @return true when they were in it
   */
  boolean delete(ProcessId process, ParticipantKey key) {
    return jdbc(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM polity_pool_registration"
                      + " WHERE process_id = ? AND participant_key = ?")) {
            delete.setString(1, process.value());
            delete.setString(2, key.toString());
            return delete.executeUpdate() == 1;
          }
        });
  }

  private static PoolRegistration registration(ResultSet result) throws SQLException {
    Map<String, String> features = new LinkedHashMap<>();
    json(result.getString(3))
        .forEach((name, value) -> features.put(name, ((JsonString) value).getString()));
    return new PoolRegistration(
        result.getString(2),
        features,
        PoolRegistration.Channel.of(result.getString(4)),
        Optional.ofNullable(result.getString(5)),
        result.getObject(6, OffsetDateTime.class).toInstant());
  }

  private static JsonObject json(String text) {
    try (var reader = Jsonp.JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private <T> T jdbc(PolityDatabase.JdbcWork<T> work) {
    try {
      return database.inJdbcTransaction(work);
    } catch (SQLException e) {
      throw new IllegalStateException("The pool tables could not be read or written.", e);
    }
  }
}
