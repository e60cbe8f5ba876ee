/**
 * Storage: {@link org.polity.jakarta.persistence.PolityDatabase} opens the configured data source,
 * migrates the schema with Flyway (the scripts of every capability, each in its folder {@code
 * db/migration/polity/<capability>}; the ORM only validates), creates Polity's own Jakarta
 * Persistence unit, listing the entities the capabilities declare, without any {@code
 * persistence.xml}, and runs work in local transactions that are committed before anything is
 * acknowledged.
 */
package org.polity.jakarta.persistence;
