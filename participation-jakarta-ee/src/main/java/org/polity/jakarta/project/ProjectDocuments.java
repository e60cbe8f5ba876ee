package org.polity.jakarta.project;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.eligibility.RuleDocuments;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.ValueJson;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem.FieldError;
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
 * Projects as JSON: the stored document (everything, read back with {@link Project#restore}), the
 * public and staff views, and the proposal a participant or an encoder submits:
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
      throw InvalidInputException.of("body", "Send the idea as a JSON object.");
    }
    List<FieldError> errors = new ArrayList<>();
    body.keySet().stream()
        .filter(k -> !PROPOSAL_MEMBERS.contains(k))
        .sorted()
        .forEach(
            k ->
                errors.add(
                    new FieldError(
                        k,
                        "Unknown member: use "
                            + PROPOSAL_MEMBERS.stream().sorted().toList()
                            + ".")));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    try {
      return proposalOf(body, channel);
    } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
      String message = e.getMessage() == null ? "malformed" : e.getMessage();
      int colon = message.indexOf(':');
      String field =
          colon > 0 && message.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_.\\[\\]]*")
              ? message.substring(0, colon)
              : "body";
      throw InvalidInputException.of(field, message);
    }
  }

  private static ProjectProposal proposalOf(JsonObject body, Channel channel) {
    ProjectProposal.Builder builder =
        ProjectProposal.builder()
            .title(RuleDocuments.text(body.get("title"), "title"))
            .description(RuleDocuments.text(body.get("description"), "description"))
            .estimatedCost(ValueJson.money(body.get("estimatedCost"), "estimatedCost"))
            .channel(channel);
    for (String theme : strings(body.get("themes"), "themes")) {
      builder.theme(theme);
    }
    JsonValue location = body.get("location");
    if (location instanceof JsonString wkt) {
      try {
        builder.location(ProjectLocation.fromWkt(wkt.getString()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("location: " + e.getMessage(), e);
      }
    } else if (location != null && location != JsonValue.NULL) {
      throw new IllegalArgumentException("location: give WKT such as \"POINT (4.3391 50.8612)\".");
    }
    JsonValue district = body.get("district");
    if (district instanceof JsonString d) {
      builder.district(d.getString());
    } else if (district != null && district != JsonValue.NULL) {
      throw new IllegalArgumentException("district: give the district's name.");
    }
    JsonValue authors = body.get("authors");
    if (!(authors instanceof JsonArray list) || list.isEmpty()) {
      throw new IllegalArgumentException(
          "authors: give at least one author, such as"
              + " {\"kind\": \"resident\", \"name\": \"Jeanne\", \"age\": 71}.");
    }
    for (int i = 0; i < list.size(); i++) {
      builder.author(author(list.get(i), "authors[" + i + "]"));
    }
    JsonValue attachments = body.get("attachments");
    if (attachments instanceof JsonArray files) {
      for (int i = 0; i < files.size(); i++) {
        builder.attachment(attachment(files.get(i), "attachments[" + i + "]"));
      }
    } else if (attachments != null) {
      throw new IllegalArgumentException("attachments: give a list of attachments.");
    }
    return builder.build();
  }

  private static List<String> strings(JsonValue value, String field) {
    List<String> list = new ArrayList<>();
    if (value == null || value == JsonValue.NULL) {
      return list;
    }
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException(field + ": give a list of strings.");
    }
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString s)) {
        throw new IllegalArgumentException(field + "[" + i + "]: give a string.");
      }
      list.add(s.getString());
    }
    return list;
  }

  private static Author author(JsonValue value, String field) {
    if (!(value instanceof JsonObject author)
        || !(author.get("kind") instanceof JsonString kind)
        || !(author.get("name") instanceof JsonString name)) {
      throw new IllegalArgumentException(
          field
              + ": give {\"kind\": \"resident\" | \"association\" |"
              + " \"assembly\", \"name\": ...}.");
    }
    try {
      return switch (kind.getString()) {
        case "resident" -> {
          if (!(author.get("age") instanceof JsonNumber age) || !age.isIntegral()) {
            throw new IllegalArgumentException(field + ".age: give the resident's age in years.");
          }
          yield new Author.Resident(name.getString(), age.intValue());
        }
        case "association" -> new Author.Association(name.getString());
        case "assembly" -> new Author.NeighbourhoodAssembly(name.getString());
        default ->
            throw new IllegalArgumentException(
                field + ".kind: use resident, association or assembly.");
      };
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().startsWith(field)
          ? e
          : new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  private static Attachment attachment(JsonValue value, String field) {
    try {
      JsonObject a = value.asJsonObject();
      return new Attachment(
          a.getString("name"),
          a.getString("mediaType"),
          a.getJsonNumber("sizeBytes").longValueExact(),
          URI.create(a.getString("uri")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          field
              + ": give {\"name\", \"mediaType\", \"sizeBytes\", \"uri\"}"
              + (e.getMessage() == null ? "." : " (" + e.getMessage() + ")."),
          e);
    }
  }

  /**
   * The stored document of a project: everything needed to restore it.
   *
   * @param project the project
   * @return the document
   */
  public static JsonObject document(Project project) {
    return view(project, true).build();
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
      channel.add("encodedBy", p.encodedBy());
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
              .add("actor", change.actor())
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
        .ifPresentOrElse(r -> json.add("review", review(r)), () -> json.addNull("review"));
    project
        .progress()
        .ifPresentOrElse(p -> json.add("progress", progress(p)), () -> json.addNull("progress"));
    return json;
  }

  private static JsonObject review(FeasibilityReview review) {
    JsonObjectBuilder checklist = Jsonp.JSON.createObjectBuilder();
    review.checklist().forEach((criterion, met) -> checklist.add(criterion.name(), met));
    return Jsonp.JSON
        .createObjectBuilder()
        .add("reviewer", review.reviewer())
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
    try {
      JsonObject checklist = body.getJsonObject("checklist");
      if (checklist == null) {
        throw new IllegalArgumentException(
            "checklist: answer every criterion, such as {\"ON_TERRITORY\": true, ...}.");
      }
      Map<FeasibilityCriterion, Boolean> answers = new EnumMap<>(FeasibilityCriterion.class);
      for (Map.Entry<String, JsonValue> entry : checklist.entrySet()) {
        FeasibilityCriterion criterion;
        try {
          criterion = FeasibilityCriterion.valueOf(entry.getKey());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "checklist."
                  + entry.getKey()
                  + ": not a criterion; use "
                  + List.of(FeasibilityCriterion.values())
                  + ".");
        }
        if (entry.getValue() != JsonValue.TRUE && entry.getValue() != JsonValue.FALSE) {
          throw new IllegalArgumentException(
              "checklist." + entry.getKey() + ": answer true or false.");
        }
        answers.put(criterion, entry.getValue() == JsonValue.TRUE);
      }
      return new FeasibilityReview(
          reviewer,
          answers,
          ValueJson.money(body.get("costEstimate"), "costEstimate"),
          RuleDocuments.text(body.get("publicAnswer"), "publicAnswer"));
    } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
      String message = e.getMessage() == null ? "malformed" : e.getMessage();
      int colon = message.indexOf(':');
      String field =
          colon > 0 && message.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_.\\[\\]]*")
              ? message.substring(0, colon)
              : "body";
      throw InvalidInputException.of(field, message);
    }
  }

  /**
   * Reads a stored document back.
   *
   * @param json the document written by {@link #document}
   * @return the project
   */
  public static Project read(JsonObject json) {
    JsonObject proposalJson =
        Jsonp.JSON
            .createObjectBuilder()
            .add("title", json.get("title"))
            .add("description", json.get("description"))
            .add("themes", json.get("themes"))
            .add("estimatedCost", json.get("estimatedCost"))
            .add("location", json.get("location"))
            .add("district", json.get("district"))
            .add("authors", json.get("authors"))
            .add("attachments", json.get("attachments"))
            .build();
    JsonObject channelJson = json.getJsonObject("channel");
    Channel channel =
        switch (channelJson.getString("kind")) {
          case "paper" -> new Channel.PaperForm(channelJson.getString("encodedBy"));
          case "assembly" -> new Channel.Assembly(channelJson.getString("assembly"));
          default -> new Channel.Online();
        };
    ProjectProposal proposal = proposalOf(proposalJson, channel);
    List<StatusChange> history = new ArrayList<>();
    for (JsonValue value : json.getJsonArray("history")) {
      JsonObject c = value.asJsonObject();
      history.add(
          new StatusChange(
              c.isNull("from") ? null : ProjectStatus.valueOf(c.getString("from")),
              ProjectStatus.valueOf(c.getString("to")),
              Instant.parse(c.getString("at")),
              c.getString("actor"),
              ValueJson.text(c.getJsonObject("why"))));
    }
    Optional<FeasibilityReview> review =
        json.isNull("review")
            ? Optional.empty()
            : Optional.of(
                review(
                    json.getJsonObject("review"),
                    json.getJsonObject("review").getString("reviewer")));
    Optional<Progress> progress = Optional.empty();
    if (!json.isNull("progress")) {
      JsonObject p = json.getJsonObject("progress");
      List<Milestone> milestones = new ArrayList<>();
      for (JsonValue value : p.getJsonArray("milestones")) {
        JsonObject m = value.asJsonObject();
        milestones.add(
            new Milestone(
                ValueJson.text(m.getJsonObject("label")),
                m.isNull("date") ? null : LocalDate.parse(m.getString("date")),
                m.getBoolean("reached")));
      }
      progress = Optional.of(new Progress(p.getInt("percent"), milestones));
    }
    return Project.restore(
        ProjectId.of(json.getString("id")),
        ProcessId.of(json.getString("processId")),
        proposal,
        Instant.parse(json.getString("submittedAt")),
        history,
        review,
        json.isNull("mergedInto")
            ? Optional.empty()
            : Optional.of(ProjectId.of(json.getString("mergedInto"))),
        json.getJsonArray("mergedFrom").getValuesAs(JsonString.class).stream()
            .map(s -> ProjectId.of(s.getString()))
            .toList(),
        progress);
  }
}
