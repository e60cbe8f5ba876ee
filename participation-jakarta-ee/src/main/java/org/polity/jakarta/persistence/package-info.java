/**
 * Storage: {@link org.polity.jakarta.persistence.PolityDatabase} opens the configured data source,
 * migrates the schema with Flyway (scripts in {@code db/migration/polity}; the ORM only validates),
 * creates Polity's own Jakarta Persistence unit without any {@code persistence.xml}, and runs work
 * in local transactions that are committed before anything is acknowledged.
 */
package org.polity.jakarta.persistence;
