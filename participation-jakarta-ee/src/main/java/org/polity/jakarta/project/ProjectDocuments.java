package org.polity.jakarta.project;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.common.Texts;
import org.polity.jakarta.http.FieldErrors;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.RequestBodies;
import org.polity.jakarta.http.ValueJson;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.InvalidValueException;
import org.polity.project.Attachment;
import org.polity.project.Author;
import org.polity.project.Channel;
import org.polity.project.FeasibilityCriterion;
import org.polity.project.FeasibilityReview;
import org.polity.project.Milestone;
import org.polity.project.Progress;
import org.polity.project.Project;
import org.polity.project.ProjectLocation;
import org.polity.project.ProjectProposal;
import org.polity.project.ProjectStatus;
import org.polity.project.StatusChange;

/**
 * Projects as the REST API reads and writes them (the stored document is {@link ProjectStorage}'s):
 * the public and staff views, the bodies of the staff's requests (review, status move, merge,
 * progress, proclamation), and the proposal a participant or an encoder submits:
 *
 * <pre>{@code
 * {"title": {"fr": "Un potager collectif"}, "description": {"fr": "Des bacs au parc."},
 *  "themes": ["greenery"], "estimatedCost": {"amount": "12000", "currency": "EUR"},
 *  "location": "POINT (4.3391 50.8612)", "district": "North",
 *  "authors": [{"kind": "resident", "name": "Jeanne", "age": 71}],
 *  "attachments": [{"name": "plan.pdf", "mediaType": "application/pdf", "sizeBytes": 1200,
 *                   "uri": "https://example.org/plan.pdf"}]}
 * }</pre>
 *
 * The location is WKT in WGS 84 longitude/latitude. Authors are {@code resident} (name, age),
 * {@code association} (name) or {@code assembly} (name). Unknown members are refused.
 */
public final class ProjectDocuments {

  private static final Texts TEXTS = Texts.of(ProjectDocuments.class);

  private static final Set<String> PROPOSAL_MEMBERS =
      Set.of(
          "title",
          "description",
          "themes",
          "estimatedCost",
          "location",
          "district",
          "authors",
          "attachments");

  private ProjectDocuments() {}

  /**
   * Reads a proposal submitted through a channel.
   *
   * @param body the proposal
   * @param channel how it was submitted
   * @return the proposal
   * @throws InvalidInputException naming the offending member
   */
  public static ProjectProposal proposal(JsonObject body, Channel channel) {
    if (body == null) {
      throw InvalidInputException.of("body", TEXTS.text("proposal.body"));
    }
    FieldErrors errors = new FieldErrors();
    body.keySet().stream()
        .filter(k -> !PROPOSAL_MEMBERS.contains(k))
        .sorted()
        .forEach(
            k ->
                errors.add(
                    k,
                    "field.unknown-member",
                    String.join(", ", PROPOSAL_MEMBERS.stream().sorted().toList())));
    LocalizedText title =
        errors.read("title", () -> ValueJson.text(body.get("title"), "title", ValueJson.MAX_TITLE));
    LocalizedText description =
        errors.read("description", () -> ValueJson.text(body.get("description"), "description"));
    Money cost =
        errors.read(
            "estimatedCost", () -> ValueJson.money(body.get("estimatedCost"), "estimatedCost"));
    List<String> themes = errors.read("themes", () -> strings(body.get("themes"), "themes"));
    ProjectLocation location = errors.read("location", () -> location(body.get("location")));
    String district = null;
    JsonValue districtJson = body.get("district");
    if (districtJson instanceof JsonString d) {
      district = d.getString();
    } else if (districtJson != null && districtJson != JsonValue.NULL) {
      errors.add("district", TEXTS.text("proposal.district"));
    }
    List<Author> authors = new ArrayList<>();
    JsonValue authorsJson = body.get("authors");
    if (!(authorsJson instanceof JsonArray list) || list.isEmpty()) {
      errors.add("authors", TEXTS.text("proposal.authors"));
    } else {
      for (int i = 0; i < list.size(); i++) {
        String at = "authors[" + i + "]";
        JsonValue one = list.get(i);
        authors.add(errors.read(at, () -> author(one, at)));
      }
    }
    List<Attachment> attachments = new ArrayList<>();
    JsonValue attachmentsJson = body.get("attachments");
    if (attachmentsJson instanceof JsonArray files) {
      for (int i = 0; i < files.size(); i++) {
        String at = "attachments[" + i + "]";
        JsonValue one = files.get(i);
        attachments.add(errors.read(at, () -> attachment(one, at)));
      }
    } else if (attachmentsJson != null) {
      errors.add("attachments", TEXTS.text("proposal.attachments"));
    }
    errors.done();
    try {
      ProjectProposal.Builder builder =
          ProjectProposal.builder()
              .title(title)
              .description(description)
              .estimatedCost(cost)
              .channel(channel);
      themes.forEach(builder::theme);
      if (location != null) {
        builder.location(location);
      }
      if (district != null) {
        builder.district(district);
      }
      authors.forEach(builder::author);
      attachments.forEach(builder::attachment);
      return builder.build();
    } catch (IllegalArgumentException | NullPointerException e) {
      String message = e.getMessage() == null ? "malformed" : e.getMessage();
      int colon = message.indexOf(':');
      String field =
          colon > 0 && message.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_.\\[\\]]*")
              ? message.substring(0, colon)
              : "body";
      throw InvalidInputException.of(field, message);
    }
  }

  private static ProjectLocation location(JsonValue location) {
    if (location instanceof JsonString wkt) {
      try {
        return ProjectLocation.fromWkt(wkt.getString());
      } catch (IllegalArgumentException e) {
        throw new InvalidValueException("location", TEXTS.text("proposal.location.wkt"));
      }
    }
    if (location != null && location != JsonValue.NULL) {
      throw new InvalidValueException("location", TEXTS.text("proposal.location"));
    }
    return null;
  }

  private static List<String> strings(JsonValue value, String field) {
    List<String> list = new ArrayList<>();
    if (value == null || value == JsonValue.NULL) {
      return list;
    }
    if (!(value instanceof JsonArray array)) {
      throw new InvalidValueException(field, FieldErrors.text("field.strings", field));
    }
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString s)) {
        throw new InvalidValueException(
            field + "[" + i + "]", FieldErrors.text("field.strings.item"));
      }
      list.add(s.getString());
    }
    return list;
  }

  private static Author author(JsonValue value, String field) {
    if (!(value instanceof JsonObject author)
        || !(author.get("kind") instanceof JsonString kind)
        || !(author.get("name") instanceof JsonString name)) {
      throw new InvalidValueException(field, TEXTS.text("proposal.author"));
    }
    try {
      return switch (kind.getString()) {
        case "resident" -> {
          if (!(author.get("age") instanceof JsonNumber age) || !age.isIntegral()) {
            throw new InvalidValueException(field + ".age", TEXTS.text("proposal.author.age"));
          }
          yield new Author.Resident(name.getString(), age.intValue());
        }
        case "association" -> new Author.Association(name.getString());
        case "assembly" -> new Author.NeighbourhoodAssembly(name.getString());
        default ->
            throw new InvalidValueException(field + ".kind", TEXTS.text("proposal.author.kind"));
      };
    } catch (InvalidValueException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  private static Attachment attachment(JsonValue value, String field) {
    try {
      JsonObject a = value.asJsonObject();
      URI uri = URI.create(a.getString("uri"));
      // Only web addresses: a javascript:, data: or file: address would run or read something in
      // the browser of whoever opens the attachment.
      if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "the uri must be an http or https address, such as https://example.org/plan.pdf");
      }
      return new Attachment(
          a.getString("name"),
          a.getString("mediaType"),
          a.getJsonNumber("sizeBytes").longValueExact(),
          uri);
    } catch (RuntimeException e) {
      throw new InvalidValueException(field, TEXTS.text("proposal.attachment"));
    }
  }

  /**
   * A project as shown: the public view leaves out residents' ages, attachments' addresses stay.
   *
   * @param project the project
   * @param staff whether the reader is staff (sees everything)
   * @return the JSON
   */
  public static JsonObjectBuilder view(Project project, boolean staff) {
    ProjectProposal proposal = project.proposal();
    JsonArrayBuilder authors = Jsonp.JSON.createArrayBuilder();
    for (Author author : proposal.authors()) {
      JsonObjectBuilder a = Jsonp.JSON.createObjectBuilder();
      if (author instanceof Author.Resident r) {
        a.add("kind", "resident").add("name", r.name());
        if (staff) {
          a.add("age", r.age());
        }
      } else if (author instanceof Author.Association as) {
        a.add("kind", "association").add("name", as.name());
      } else if (author instanceof Author.NeighbourhoodAssembly n) {
        a.add("kind", "assembly").add("name", n.name());
      }
      authors.add(a);
    }
    JsonArrayBuilder attachments = Jsonp.JSON.createArrayBuilder();
    for (Attachment attachment : proposal.attachments()) {
      attachments.add(
          Jsonp.JSON
              .createObjectBuilder()
              .add("name", attachment.name())
              .add("mediaType", attachment.mediaType())
              .add("sizeBytes", attachment.sizeBytes())
              .add("uri", attachment.uri().toString()));
    }
    JsonObjectBuilder channel =
        Jsonp.JSON.createObjectBuilder().add("kind", proposal.channel().code());
    if (proposal.channel() instanceof Channel.PaperForm p) {
      channel.add("encodedBy", staff ? p.encodedBy() : PUBLIC_ACTOR);
    } else if (proposal.channel() instanceof Channel.Assembly as) {
      channel.add("assembly", as.assembly());
    }
    JsonArrayBuilder history = Jsonp.JSON.createArrayBuilder();
    for (StatusChange change : project.history()) {
      JsonObjectBuilder c = Jsonp.JSON.createObjectBuilder();
      if (change.from() == null) {
        c.addNull("from");
      } else {
        c.add("from", change.from().name());
      }
      history.add(
          c.add("to", change.to().name())
              .add("at", change.at().toString())
              .add(
                  "actor",
                  staff
                          || (change.from() == null
                              && !(proposal.channel() instanceof Channel.PaperForm))
                      ? change.actor()
                      : PUBLIC_ACTOR)
              .add("why", ValueJson.json(change.why())));
    }
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("id", project.id().value())
            .add("processId", project.processId().value())
            .add("status", project.status().name())
            .add("title", ValueJson.json(proposal.title()))
            .add("description", ValueJson.json(proposal.description()))
            .add("themes", Jsonp.JSON.createArrayBuilder(List.copyOf(proposal.themes())))
            .add("estimatedCost", ValueJson.json(proposal.estimatedCost()))
            .add("cost", ValueJson.json(project.cost()))
            .add("authors", authors)
            .add("attachments", attachments)
            .add("channel", channel)
            .add("submittedAt", project.submittedAt().toString())
            .add("history", history)
            .add(
                "mergedFrom",
                Jsonp.JSON.createArrayBuilder(
                    project.mergedFrom().stream().map(ProjectId::value).toList()));
    proposal
        .location()
        .ifPresentOrElse(
            l -> json.add("location", l.geometry().toText()), () -> json.addNull("location"));
    proposal
        .district()
        .ifPresentOrElse(d -> json.add("district", d), () -> json.addNull("district"));
    project
        .mergedInto()
        .ifPresentOrElse(m -> json.add("mergedInto", m.value()), () -> json.addNull("mergedInto"));
    project
        .review()
        .ifPresentOrElse(r -> json.add("review", review(r, staff)), () -> json.addNull("review"));
    project
        .progress()
        .ifPresentOrElse(p -> json.add("progress", progress(p)), () -> json.addNull("progress"));
    return json;
  }

  /**
   * What the public view shows instead of a staff member's sign-in name (which can be a national
   * register number): staff views and the stored history keep the name, for the audit.
   */
  public static final String PUBLIC_ACTOR = "staff";

  private static JsonObject review(FeasibilityReview review, boolean staff) {
    JsonObjectBuilder checklist = Jsonp.JSON.createObjectBuilder();
    review.checklist().forEach((criterion, met) -> checklist.add(criterion.name(), met));
    return Jsonp.JSON
        .createObjectBuilder()
        .add("reviewer", staff ? review.reviewer() : PUBLIC_ACTOR)
        .add("checklist", checklist)
        .add("costEstimate", ValueJson.json(review.costEstimate()))
        .add("publicAnswer", ValueJson.json(review.publicAnswer()))
        .add("feasible", review.feasible())
        .build();
  }

  private static JsonObject progress(Progress progress) {
    JsonArrayBuilder milestones = Jsonp.JSON.createArrayBuilder();
    for (Milestone milestone : progress.milestones()) {
      JsonObjectBuilder m =
          Jsonp.JSON
              .createObjectBuilder()
              .add("label", ValueJson.json(milestone.label()))
              .add("reached", milestone.reached());
      if (milestone.date() == null) {
        m.addNull("date");
      } else {
        m.add("date", milestone.date().toString());
      }
      milestones.add(m);
    }
    return Jsonp.JSON
        .createObjectBuilder()
        .add("percent", progress.percent())
        .add("milestones", milestones)
        .build();
  }

  /**
   * A feasibility review from {@code {"checklist": {"ON_TERRITORY": true, ...}, "costEstimate":
   * {...}, "publicAnswer": {...}}}, by a reviewer.
   *
   * @param body the JSON
   * @param reviewer who reviews
   * @return the review
   * @throws InvalidInputException naming the offending member
   */
  public static FeasibilityReview review(JsonObject body, String reviewer) {
    FieldErrors errors = new FieldErrors();
    Map<FeasibilityCriterion, Boolean> answers = new EnumMap<>(FeasibilityCriterion.class);
    if (!(body.get("checklist") instanceof JsonObject checklist)) {
      errors.add("checklist", TEXTS.text("review.checklist"));
    } else {
      for (Map.Entry<String, JsonValue> entry : checklist.entrySet()) {
        String at = "checklist." + entry.getKey();
        FeasibilityCriterion criterion = null;
        try {
          criterion = FeasibilityCriterion.valueOf(entry.getKey());
        } catch (IllegalArgumentException e) {
          errors.add(
              at,
              TEXTS.text(
                  "review.criterion",
                  String.join(
                      ", ",
                      java.util.Arrays.stream(FeasibilityCriterion.values())
                          .map(Enum::name)
                          .toList())));
        }
        if (entry.getValue() != JsonValue.TRUE && entry.getValue() != JsonValue.FALSE) {
          errors.add(at, FieldErrors.text("field.boolean", at));
        } else if (criterion != null) {
          answers.put(criterion, entry.getValue() == JsonValue.TRUE);
        }
      }
    }
    var cost =
        errors.read(
            "costEstimate", () -> ValueJson.money(body.get("costEstimate"), "costEstimate"));
    LocalizedText answer =
        errors.read("publicAnswer", () -> ValueJson.text(body.get("publicAnswer"), "publicAnswer"));
    errors.done();
    try {
      return new FeasibilityReview(reviewer, answers, cost, answer);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("checklist", String.valueOf(e.getMessage()));
    }
  }

  /**
   * The progress a staff member publishes: {@code {"percent": 40, "milestones": [{"label": {...},
   * "date": "2028-03-01", "reached": true}]}}.
   *
   * @param body the request body
   * @return the progress
   * @throws InvalidInputException naming the offending member
   */
  public static Progress progress(JsonObject body) {
    if (body == null) {
      throw InvalidInputException.of("body", TEXTS.text("progress.body"));
    }
    RequestBodies.only(body, "percent", "milestones");
    try {
      List<Milestone> milestones = new ArrayList<>();
      JsonValue list = body.get("milestones");
      if (list != null) {
        for (JsonValue value : list.asJsonArray()) {
          JsonObject m = value.asJsonObject();
          milestones.add(
              new Milestone(
                  RequestBodies.text(m, "label"),
                  m.get("date") instanceof JsonString d ? LocalDate.parse(d.getString()) : null,
                  m.getBoolean("reached", false)));
        }
      }
      return new Progress(body.getInt("percent"), milestones);
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw InvalidInputException.of("body", TEXTS.text("progress.body"));
    }
  }

  /**
   * A status move a staff member asks for: {@code {"to": "ON_BALLOT", "why": {...}}}.
   *
   * @param to the status, one of {@link ProjectService#STAFF_MOVES}
   * @param why the public reason
   */
  public record StatusMove(ProjectStatus to, LocalizedText why) {}

  /**
   * Reads a status move.
   *
   * @param body the request body
   * @return the move
   * @throws InvalidInputException naming the offending member
   */
  public static StatusMove statusMove(JsonObject body) {
    if (body == null) {
      throw InvalidInputException.of("body", TEXTS.text("move.body"));
    }
    RequestBodies.only(body, "to", "why");
    FieldErrors errors = new FieldErrors();
    String to = errors.read("to", () -> RequestBodies.string(body, "to"));
    LocalizedText why = errors.read("why", () -> RequestBodies.text(body, "why"));
    ProjectStatus status =
        to == null
            ? null
            : ProjectService.STAFF_MOVES.stream()
                .filter(s -> s.name().equals(to))
                .findFirst()
                .orElse(null);
    if (to != null && status == null) {
      errors.add("to", TEXTS.text("move.to"));
    }
    errors.done();
    return new StatusMove(status, why);
  }

  /** What {@code to} may be, in every language. */
  static LocalizedText staffMoves() {
    return TEXTS.text("move.to");
  }

  /**
   * A merge a staff member asks for: {@code {"into": "...", "why": {...}}}.
   *
   * @param into the project that absorbs the duplicate
   * @param why the public reason
   */
  public record Merge(ProjectId into, LocalizedText why) {}

  /**
   * Reads a merge.
   *
   * @param body the request body
   * @return the merge
   * @throws InvalidInputException naming the offending member
   */
  public static Merge merge(JsonObject body) {
    if (body == null) {
      throw InvalidInputException.of("body", TEXTS.text("merge.body"));
    }
    RequestBodies.only(body, "into", "why");
    FieldErrors errors = new FieldErrors();
    String into = errors.read("into", () -> RequestBodies.string(body, "into"));
    LocalizedText why = errors.read("why", () -> RequestBodies.text(body, "why"));
    errors.done();
    return new Merge(ProjectId.of(into), why);
  }

  /**
   * A review body: {@code {"checklist": {...}, "costEstimate": {...}, "publicAnswer": {...}}}.
   *
   * @param body the request body
   * @param reviewer who reviews
   * @return the review
   * @throws InvalidInputException naming the offending member
   */
  public static FeasibilityReview reviewBody(JsonObject body, String reviewer) {
    if (body == null) {
      throw InvalidInputException.of("body", TEXTS.text("review.body"));
    }
    RequestBodies.only(body, "checklist", "costEstimate", "publicAnswer");
    return review(body, reviewer);
  }

  /**
   * A proclamation: {@code {"why": {...}}} (or no body) for results counted by Polity, {@code
   * {"selected": ["..."], "why": {...}}} for a vote counted outside Polity.
   *
   * @param selected the funded projects when counted outside Polity; empty when Polity counts
   * @param why the public reason; null for the default one when Polity counts
   */
  public record Proclamation(Optional<Set<ProjectId>> selected, LocalizedText why) {}

  /**
   * Reads a proclamation.
   *
   * @param body the request body, or null
   * @return the proclamation
   * @throws InvalidInputException naming the offending member
   */
  public static Proclamation proclamation(JsonObject body) {
    if (body == null) {
      return new Proclamation(Optional.empty(), null);
    }
    RequestBodies.only(body, "selected", "why");
    if (!body.containsKey("selected")) {
      return new Proclamation(
          Optional.empty(), body.containsKey("why") ? RequestBodies.text(body, "why") : null);
    }
    LocalizedText why = RequestBodies.text(body, "why");
    Set<ProjectId> selected = new LinkedHashSet<>();
    if (!(body.get("selected") instanceof JsonArray ids)) {
      throw InvalidInputException.of("selected", TEXTS.text("proclamation.selected"));
    }
    for (JsonValue value : ids) {
      if (!(value instanceof JsonString s)) {
        throw InvalidInputException.of("selected", TEXTS.text("proclamation.selected.id"));
      }
      selected.add(ProjectId.of(s.getString()));
    }
    return new Proclamation(Optional.of(selected), why);
  }

  /**
   * The statuses of a list's {@code status} parameter: repeated or comma-separated.
   *
   * @param given the values, or null
   * @return the statuses; empty for every status
   * @throws InvalidInputException naming a value that is not a status
   */
  public static Set<ProjectStatus> statuses(List<String> given) {
    Set<ProjectStatus> statuses = new java.util.HashSet<>();
    for (String value : given == null ? List.<String>of() : given) {
      for (String name : value.split(",")) {
        try {
          statuses.add(ProjectStatus.valueOf(name.trim()));
        } catch (IllegalArgumentException e) {
          throw InvalidInputException.of(
              "status",
              TEXTS.text(
                  "list.status",
                  name.trim(),
                  String.join(
                      ", ",
                      java.util.Arrays.stream(ProjectStatus.values()).map(Enum::name).toList())));
        }
      }
    }
    return statuses;
  }

  /**
   * A page of projects as the list shows it: {@code {"total", "offset", "limit", "projects"}}, each
   * project in the public view with its version.
   *
   * @param listing the page
   * @return the JSON
   */
  public static JsonObject page(ProjectService.Listing listing) {
    JsonArrayBuilder projects = Jsonp.JSON.createArrayBuilder();
    for (Project project : listing.page().projects()) {
      projects.add(view(project, false).add("version", listing.versions().get(project.id())));
    }
    return Jsonp.JSON
        .createObjectBuilder()
        .add("total", listing.page().total())
        .add("offset", listing.page().offset())
        .add("limit", listing.page().limit())
        .add("projects", projects)
        .build();
  }

  /**
   * A project with its version, as a read or an update answers.
   *
   * @param view the project
   * @return the JSON
   */
  public static JsonObject json(ProjectService.ProjectView view) {
    return view(view.project(), view.full()).add("version", view.version()).build();
  }

  /**
   * What happened to an idea, in the reader's language: {@code {"projectId", "status", "since",
   * "explanation", "history": [...], "percent"}}.
   *
   * @param history the project and its fate
   * @param language the reader's language
   * @return the JSON
   */
  public static JsonObject history(ProjectService.History history, java.util.Locale language) {
    JsonArrayBuilder changes = Jsonp.JSON.createArrayBuilder();
    for (StatusChange change : history.project().history()) {
      changes.add(
          Jsonp.JSON
              .createObjectBuilder()
              .add("status", change.to().name())
              .add("statusName", change.to().displayName(language))
              .add("at", change.at().toString())
              .add("why", change.why().in(language)));
    }
    var fate = history.fate();
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("projectId", history.project().id().value())
            .add("status", fate.status().name())
            .add("since", fate.since().toString())
            .add("explanation", fate.explanation(language))
            .add("history", changes);
    fate.progress()
        .ifPresentOrElse(p -> json.add("percent", p.percent()), () -> json.addNull("percent"));
    return json.build();
  }

  /**
   * The answer to a proclamation: {@code {"selected", "notSelected", "computed"}}, with {@code
   * "budgets"} (each budget's id, rule, ballots, winners and money used) when Polity counted.
   *
   * @param selected the funded projects
   * @param notSelected the others on the ballot
   * @param publication the published results, or null when counted outside Polity
   * @return the JSON
   */
  public static JsonObject proclaimed(
      List<ProjectId> selected,
      List<ProjectId> notSelected,
      org.polity.jakarta.results.ResultsService.Publication publication) {
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("selected", Jsonp.JSON.createArrayBuilder(ids(selected)))
            .add("notSelected", Jsonp.JSON.createArrayBuilder(ids(notSelected)))
            .add("computed", publication != null);
    if (publication != null) {
      JsonArrayBuilder budgets = Jsonp.JSON.createArrayBuilder();
      for (var one : publication.budgets()) {
        budgets.add(
            Jsonp.JSON
                .createObjectBuilder()
                .add("budgetId", one.budget().value())
                .add("rule", one.result().rule())
                .add("ballots", one.ballots())
                .add("winners", Jsonp.JSON.createArrayBuilder(ids(one.result().winners())))
                .add("used", one.result().cost().toPlainString()));
      }
      json.add("budgets", budgets);
    }
    return json.build();
  }

  /**
   * The answer to a proclamation counted outside Polity: the changed projects, selected or not.
   *
   * @param changed the projects whose status the proclamation changed
   * @return the JSON
   */
  public static JsonObject proclaimed(List<Project> changed) {
    List<ProjectId> selected = new ArrayList<>();
    List<ProjectId> others = new ArrayList<>();
    changed.forEach(p -> (p.status() == ProjectStatus.SELECTED ? selected : others).add(p.id()));
    return proclaimed(selected, others, null);
  }

  private static List<String> ids(java.util.Collection<ProjectId> ids) {
    return ids.stream().map(ProjectId::value).toList();
  }
}
