package org.polity.jakarta.cartography;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polity.cartography.Initiative;
import org.polity.cartography.InitiativeDetails;
import org.polity.cartography.InitiativeId;
import org.polity.cartography.Revision;
import org.polity.jakarta.http.Jsonp;

/**
 * Reads and writes initiatives in the tables of migration V3 with plain JDBC, on a connection of
 * the caller's transaction, in the storage format of {@link StoredInitiatives} (not the REST
 * format). The row {@code document} holds the current details, the moderation status (with the
 * rejection reason) and any waiting edit; the history is one row per entry in {@code
 * polity_initiative_revision}, appended only, with the details written only where they differ from
 * the previous entry's.
 */
final class InitiativeStore {

  /** An initiative as stored: the row version is the ETag of edits. */
  record Row(Initiative initiative, long version, long changeNumber) {}

  /** The map's counter row after an increment. */
  record Counter(long changeNumber, long lastInitiative) {}

  private InitiativeStore() {}

  /** Counts a change (and, when asked, a new initiative number); locks the counter row. */
  static Counter count(Connection c, boolean newInitiative) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE polity_map_state SET change_number ="
                + " change_number + 1"
                + (newInitiative ? ", last_initiative = last_initiative + 1" : "")
                + " WHERE id = 1")) {
      update.executeUpdate();
    }
    return counter(c);
  }

  static Counter counter(Connection c) throws SQLException {
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT change_number, last_initiative FROM polity_map_state WHERE id = 1");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return new Counter(rows.getLong(1), rows.getLong(2));
    }
  }

  /** Raises the last initiative number to at least {@code number} (after an import). */
  static void reserve(Connection c, long number) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE polity_map_state SET last_initiative = ? WHERE id = 1 AND last_initiative < ?")) {
      update.setLong(1, number);
      update.setLong(2, number);
      update.executeUpdate();
    }
  }

  static Optional<Row> find(Connection c, InitiativeId id) throws SQLException {
    List<Row> rows = read(c, " WHERE i.id = ?", id.value());
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Every initiative changed after a change number, in change order. */
  static List<Row> changedAfter(Connection c, long changeNumber) throws SQLException {
    return read(c, " WHERE i.change_number > ?", changeNumber);
  }

  private static List<Row> read(Connection c, String where, Object parameter) throws SQLException {
    Map<String, List<Revision>> histories = new HashMap<>();
    Map<String, JsonObject> lastDetailsJson = new HashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT r.initiative_id, r.at_utc, r.actor, r.action,"
                + " r.changed, r.why, r.details FROM polity_initiative_revision r JOIN polity_initiative i"
                + " ON i.id = r.initiative_id"
                + where
                + " ORDER BY r.initiative_id, r.position")) {
      select.setObject(1, parameter);
      try (ResultSet rows = select.executeQuery()) {
        String currentId = null;
        InitiativeDetails previous = null;
        List<Revision> history = null;
        while (rows.next()) {
          String id = rows.getString(1);
          if (!id.equals(currentId)) {
            currentId = id;
            previous = null;
            history = new ArrayList<>(4);
            histories.put(id, history);
          }
          String detailsText = rows.getString(7);
          InitiativeDetails details = previous;
          if (detailsText != null) {
            JsonObject detailsJson = object(detailsText);
            details = StoredInitiatives.details(detailsJson);
            lastDetailsJson.put(id, detailsJson);
          }
          if (details == null) {
            throw new IllegalStateException(
                "The first history entry of initiative "
                    + id
                    + " has no details: the table polity_initiative_revision was changed outside Polity.");
          }
          String changed = rows.getString(5);
          history.add(
              new Revision(
                  rows.getObject(2, OffsetDateTime.class).toInstant(),
                  rows.getString(3),
                  Revision.Action.valueOf(rows.getString(4)),
                  changed.isEmpty() ? List.of() : Arrays.asList(changed.split(",")),
                  rows.getString(6),
                  details));
          previous = details;
        }
      }
    }
    List<Row> result = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT i.id, i.version, i.change_number,"
                + " i.proposed_by, i.document FROM polity_initiative i"
                + where
                + " ORDER BY i.change_number")) {
      select.setObject(1, parameter);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String id = rows.getString(1);
          List<Revision> history = histories.getOrDefault(id, List.of());
          // the details of the last entry are usually the current ones: share the instance
          StoredInitiatives.Document document =
              StoredInitiatives.read(
                  rows.getString(5),
                  history.isEmpty() ? null : history.get(history.size() - 1).details(),
                  lastDetailsJson.get(id));
          Initiative initiative =
              Initiative.restore(
                  InitiativeId.of(id),
                  rows.getString(4),
                  document.details(),
                  document.moderation(),
                  document.pendingEdit(),
                  history);
          result.add(new Row(initiative, rows.getLong(2), rows.getLong(3)));
        }
      }
    }
    return result;
  }

  static void insert(Connection c, Initiative initiative, long changeNumber) throws SQLException {
    insertAll(c, List.of(initiative), changeNumber);
  }

  /** Inserts new initiatives and their histories, in JDBC batches (an import). */
  static void insertAll(
      Connection c, java.util.Collection<Initiative> initiatives, long changeNumber)
      throws SQLException {
    try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO polity_initiative (id, version,"
                    + " change_number, status, edit_pending, proposed_by, document) VALUES (?, 1, ?, ?, ?, ?, ?)");
        PreparedStatement revisions = c.prepareStatement(REVISION_INSERT)) {
      int pending = 0;
      for (Initiative initiative : initiatives) {
        insert.setString(1, initiative.id().value());
        insert.setLong(2, changeNumber);
        insert.setString(3, initiative.moderation().code());
        insert.setBoolean(4, initiative.pendingEdit().isPresent());
        insert.setString(5, initiative.proposedBy());
        insert.setString(6, document(initiative));
        insert.addBatch();
        addRevisions(revisions, initiative, 0);
        if (++pending == BATCH) {
          insert.executeBatch();
          revisions.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
        revisions.executeBatch();
      }
    }
  }

  /** Replaces the row if still at {@code version}; appends the new history entries. */
  static boolean update(
      Connection c, Initiative before, Initiative after, long version, long changeNumber)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE polity_initiative SET version = version + 1,"
                + " change_number = ?, status = ?, edit_pending = ?, document = ? WHERE id = ? AND version = ?")) {
      update.setLong(1, changeNumber);
      update.setString(2, after.moderation().code());
      update.setBoolean(3, after.pendingEdit().isPresent());
      update.setString(4, document(after));
      update.setString(5, after.id().value());
      update.setLong(6, version);
      if (update.executeUpdate() != 1) {
        return false;
      }
    }
    appendRevisions(c, after, before.history().size());
    return true;
  }

  private static final int BATCH = 500;
  private static final String REVISION_INSERT =
      "INSERT INTO polity_initiative_revision"
          + " (initiative_id, position, at_utc, actor, action, changed, why, details)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private static void appendRevisions(Connection c, Initiative initiative, int from)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(REVISION_INSERT)) {
      addRevisions(insert, initiative, from);
      insert.executeBatch();
    }
  }

  private static void addRevisions(PreparedStatement insert, Initiative initiative, int from)
      throws SQLException {
    List<Revision> history = initiative.history();
    for (int position = from; position < history.size(); position++) {
      Revision revision = history.get(position);
      InitiativeDetails previous = position == 0 ? null : history.get(position - 1).details();
      insert.setString(1, initiative.id().value());
      insert.setInt(2, position);
      insert.setObject(3, OffsetDateTime.ofInstant(revision.at(), ZoneOffset.UTC));
      insert.setString(4, revision.actor());
      insert.setString(5, revision.action().name());
      insert.setString(6, String.join(",", revision.changed()));
      insert.setString(7, revision.why());
      insert.setString(
          8,
          revision.details().equals(previous)
              ? null
              : StoredInitiatives.detailsJson(revision.details()).toString());
      insert.addBatch();
    }
  }

  private static String document(Initiative initiative) {
    return StoredInitiatives.document(initiative);
  }

  static JsonObject object(String json) {
    try (JsonReader reader = Jsonp.JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
