package org.polity.jakarta.persistence;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Polity's persistence unit, described in code rather than in a {@code persistence.xml}, so that a
 * host container never deploys it on its own and the portal's own units are left untouched.
 */
final class PolityPersistenceUnit implements PersistenceUnitInfo {

  static final String NAME = "polity";

  private final DataSource dataSource;
  private final List<String> entityClassNames;
  private final ClassLoader classLoader;

  PolityPersistenceUnit(DataSource dataSource, List<Class<?>> entityClasses) {
    this.dataSource = dataSource;
    this.entityClassNames = entityClasses.stream().map(Class::getName).toList();
    this.classLoader = PolityPersistenceUnit.class.getClassLoader();
  }

  @Override
  public String getPersistenceUnitName() {
    return NAME;
  }

  @Override
  public String getPersistenceProviderClassName() {
    return null;
  }

  @Override
  public PersistenceUnitTransactionType getTransactionType() {
    return PersistenceUnitTransactionType.RESOURCE_LOCAL;
  }

  @Override
  public DataSource getJtaDataSource() {
    return null;
  }

  @Override
  public DataSource getNonJtaDataSource() {
    return dataSource;
  }

  @Override
  public List<String> getMappingFileNames() {
    return List.of();
  }

  @Override
  public List<URL> getJarFileUrls() {
    return List.of();
  }

  @Override
  public URL getPersistenceUnitRootUrl() {
    var source = PolityPersistenceUnit.class.getProtectionDomain().getCodeSource();
    return source == null ? null : source.getLocation();
  }

  @Override
  public List<String> getManagedClassNames() {
    return entityClassNames;
  }

  @Override
  public boolean excludeUnlistedClasses() {
    return true;
  }

  @Override
  public SharedCacheMode getSharedCacheMode() {
    return SharedCacheMode.NONE;
  }

  @Override
  public ValidationMode getValidationMode() {
    return ValidationMode.NONE;
  }

  @Override
  public Properties getProperties() {
    return new Properties();
  }

  @Override
  public String getPersistenceXMLSchemaVersion() {
    return "3.0";
  }

  @Override
  public ClassLoader getClassLoader() {
    return classLoader;
  }

  @Override
  public void addTransformer(ClassTransformer transformer) {
    // No bytecode enhancement: the entities are plain and eagerly loaded.
  }

  @Override
  public ClassLoader getNewTempClassLoader() {
    return classLoader;
  }
}
