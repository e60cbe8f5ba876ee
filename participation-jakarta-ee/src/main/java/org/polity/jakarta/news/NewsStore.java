package org.polity.jakarta.news;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.persistence.PolityDatabase;

/**
 * The table {@code polity_news} (migration V5): one row per news item or event, its document, its
 * version and whether it was withdrawn. Plain JDBC on Polity's data source; every method is one
 * committed transaction.
 */
@ApplicationScoped
class NewsStore {

  /** A stored row. */
  record Row(String id, long version, JsonObject document) {}

  @Inject PolityDatabase database;

  /** Creates the store; CDI calls it. */
  NewsStore() {}

  /**
   * Every row of a kind that is not withdrawn.
   *
   * @param kind {@code item} or {@code event}
   * @return the rows
   */
  List<Row> all(String kind) {
    return jdbc(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, version, document FROM polity_news"
                      + " WHERE kind = ? AND withdrawn = FALSE")) {
            select.setString(1, kind);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
              while (result.next()) {
                rows.add(row(result));
              }
            }
            return rows;
          }
        });
  }

  /**
   * One row, unless withdrawn.
   *
   * @param kind the kind
   * @param id the id
   * @return the row, or empty
   */
  Optional<Row> one(String kind, String id) {
    return jdbc(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, version, document FROM polity_news"
                      + " WHERE kind = ? AND id = ? AND withdrawn = FALSE")) {
            select.setString(1, kind);
            select.setString(2, id);
            try (ResultSet result = select.executeQuery()) {
              return result.next() ? Optional.of(row(result)) : Optional.empty();
            }
          }
        });
  }

  /**
   * Adds a row at version 1.
   *
   * @param kind the kind
   * @param id a new id
   * @param document the document
   */
  void insert(String kind, String id, JsonObject document) {
    jdbc(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO polity_news (id, kind, version, withdrawn, document)"
                      + " VALUES (?, ?, 1, FALSE, ?)")) {
            insert.setString(1, id);
            insert.setString(2, kind);
            insert.setString(3, document.toString());
            return insert.executeUpdate();
          }
        });
  }

  /**
   * Replaces a row's document if its version is still the one read.
   *
   * @param kind the kind
   * @param id the id
   * @param version the version read
   * @param document the new document
   * @return true when replaced (the version grew by one); false when it changed or is withdrawn
   */
  boolean replace(String kind, String id, long version, JsonObject document) {
    return jdbc(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE polity_news SET document = ?, version = version + 1"
                      + " WHERE kind = ? AND id = ? AND version = ? AND withdrawn = FALSE")) {
            update.setString(1, document.toString());
            update.setString(2, kind);
            update.setString(3, id);
            update.setLong(4, version);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * Marks a row withdrawn.
   *
   * @param kind the kind
   * @param id the id
   * @return true when it was shown until now
   */
  boolean withdraw(String kind, String id) {
    return jdbc(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE polity_news SET withdrawn = TRUE, version = version + 1"
                      + " WHERE kind = ? AND id = ? AND withdrawn = FALSE")) {
            update.setString(1, kind);
            update.setString(2, id);
            return update.executeUpdate() == 1;
          }
        });
  }

  private static Row row(ResultSet result) throws SQLException {
    try (var reader = Jsonp.JSON.createReader(new StringReader(result.getString(3)))) {
      return new Row(result.getString(1), result.getLong(2), reader.readObject());
    }
  }

  private <T> T jdbc(PolityDatabase.JdbcWork<T> work) {
    try {
      return database.inJdbcTransaction(work);
    } catch (SQLException e) {
      throw new IllegalStateException("The news table could not be read or written.", e);
    }
  }
}
