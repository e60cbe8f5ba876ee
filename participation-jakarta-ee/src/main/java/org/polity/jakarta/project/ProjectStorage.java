package org.polity.jakarta.project;

import jakarta.json.JsonArrayBuilder;
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
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.ValueJson;
import org.polity.jakarta.process.ProcessStorage;
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
 * The storage codec of projects: the document kept in {@code polity_project.document}, everything
 * {@link Project#restore} needs. It is not the REST format ({@link ProjectDocuments#view} writes
 * that), so either can change without the other.
 *
 * <p>Version 2 (this release) carries {@code "schemaVersion": 2} beside the members that version 1
 * (the previous release, which wrote the staff view of the API and no {@code schemaVersion}) had:
 * {@code id, processId, status, title, description, themes, estimatedCost, cost, authors,
 * attachments, channel, submittedAt, history, mergedFrom, location, district, mergedInto, review,
 * progress}. Both versions are read; version 2 is written, so a row is upgraded when next written.
 */
public final class ProjectStorage {

  private ProjectStorage() {}

  /**
   * The stored document of a project.
   *
   * @param project the project
   * @return the document
   */
  public static JsonObject write(Project project) {
    ProjectProposal proposal = project.proposal();
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("schemaVersion", ProcessStorage.SCHEMA_VERSION)
            .add("id", project.id().value())
            .add("processId", project.processId().value())
            .add("status", project.status().name())
            .add("title", ValueJson.json(proposal.title()))
            .add("description", ValueJson.json(proposal.description()))
            .add("themes", Jsonp.JSON.createArrayBuilder(List.copyOf(proposal.themes())))
            .add("estimatedCost", ValueJson.json(proposal.estimatedCost()))
            .add("cost", ValueJson.json(project.cost()))
            .add("authors", authors(proposal.authors()))
            .add("attachments", attachments(proposal.attachments()))
            .add("channel", channel(proposal.channel()))
            .add("submittedAt", project.submittedAt().toString())
            .add("history", history(project.history()))
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
    return json.build();
  }

  private static JsonArrayBuilder authors(List<Author> authors) {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    for (Author author : authors) {
      if (author instanceof Author.Resident r) {
        list.add(
            Jsonp.JSON
                .createObjectBuilder()
                .add("kind", "resident")
                .add("name", r.name())
                .add("age", r.age()));
      } else if (author instanceof Author.Association a) {
        list.add(Jsonp.JSON.createObjectBuilder().add("kind", "association").add("name", a.name()));
      } else if (author instanceof Author.NeighbourhoodAssembly n) {
        list.add(Jsonp.JSON.createObjectBuilder().add("kind", "assembly").add("name", n.name()));
      }
    }
    return list;
  }

  private static JsonArrayBuilder attachments(List<Attachment> attachments) {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    for (Attachment attachment : attachments) {
      list.add(
          Jsonp.JSON
              .createObjectBuilder()
              .add("name", attachment.name())
              .add("mediaType", attachment.mediaType())
              .add("sizeBytes", attachment.sizeBytes())
              .add("uri", attachment.uri().toString()));
    }
    return list;
  }

  private static JsonObjectBuilder channel(Channel channel) {
    JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder().add("kind", channel.code());
    if (channel instanceof Channel.PaperForm p) {
      json.add("encodedBy", p.encodedBy());
    } else if (channel instanceof Channel.Assembly a) {
      json.add("assembly", a.assembly());
    }
    return json;
  }

  private static JsonArrayBuilder history(List<StatusChange> changes) {
    JsonArrayBuilder history = Jsonp.JSON.createArrayBuilder();
    for (StatusChange change : changes) {
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
    return history;
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
   * Reads a stored document back, of version 1 (no {@code schemaVersion}) or 2.
   *
   * @param json the stored document
   * @return the project
   * @throws IllegalStateException for a schema version this release cannot read
   */
  public static Project read(JsonObject json) {
    ProcessStorage.version(json, "project");
    return Project.restore(
        ProjectId.of(json.getString("id")),
        ProcessId.of(json.getString("processId")),
        proposal(json),
        Instant.parse(json.getString("submittedAt")),
        readHistory(json),
        json.isNull("review")
            ? Optional.empty()
            : Optional.of(readReview(json.getJsonObject("review"))),
        json.isNull("mergedInto")
            ? Optional.empty()
            : Optional.of(ProjectId.of(json.getString("mergedInto"))),
        json.getJsonArray("mergedFrom").getValuesAs(JsonString.class).stream()
            .map(s -> ProjectId.of(s.getString()))
            .toList(),
        json.isNull("progress")
            ? Optional.empty()
            : Optional.of(readProgress(json.getJsonObject("progress"))));
  }

  private static ProjectProposal proposal(JsonObject json) {
    JsonObject channel = json.getJsonObject("channel");
    ProjectProposal.Builder builder =
        ProjectProposal.builder()
            .title(ValueJson.text(json.getJsonObject("title")))
            .description(ValueJson.text(json.getJsonObject("description")))
            .estimatedCost(ValueJson.money(json.get("estimatedCost"), "estimatedCost"))
            .channel(
                switch (channel.getString("kind")) {
                  case "paper" -> new Channel.PaperForm(channel.getString("encodedBy"));
                  case "assembly" -> new Channel.Assembly(channel.getString("assembly"));
                  default -> new Channel.Online();
                });
    json.getJsonArray("themes").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .forEach(builder::theme);
    if (json.get("location") instanceof JsonString wkt) {
      builder.location(ProjectLocation.fromWkt(wkt.getString()));
    }
    if (json.get("district") instanceof JsonString district) {
      builder.district(district.getString());
    }
    for (JsonObject author : json.getJsonArray("authors").getValuesAs(JsonObject.class)) {
      String name = author.getString("name");
      builder.author(
          switch (author.getString("kind")) {
            case "resident" -> new Author.Resident(name, author.getInt("age"));
            case "association" -> new Author.Association(name);
            default -> new Author.NeighbourhoodAssembly(name);
          });
    }
    for (JsonObject a : json.getJsonArray("attachments").getValuesAs(JsonObject.class)) {
      builder.attachment(
          new Attachment(
              a.getString("name"),
              a.getString("mediaType"),
              a.getJsonNumber("sizeBytes").longValueExact(),
              URI.create(a.getString("uri"))));
    }
    return builder.build();
  }

  private static List<StatusChange> readHistory(JsonObject json) {
    List<StatusChange> history = new ArrayList<>();
    for (JsonObject c : json.getJsonArray("history").getValuesAs(JsonObject.class)) {
      history.add(
          new StatusChange(
              c.isNull("from") ? null : ProjectStatus.valueOf(c.getString("from")),
              ProjectStatus.valueOf(c.getString("to")),
              Instant.parse(c.getString("at")),
              c.getString("actor"),
              ValueJson.text(c.getJsonObject("why"))));
    }
    return history;
  }

  private static FeasibilityReview readReview(JsonObject review) {
    Map<FeasibilityCriterion, Boolean> checklist = new EnumMap<>(FeasibilityCriterion.class);
    review
        .getJsonObject("checklist")
        .forEach(
            (criterion, met) ->
                checklist.put(FeasibilityCriterion.valueOf(criterion), met == JsonValue.TRUE));
    return new FeasibilityReview(
        review.getString("reviewer"),
        checklist,
        ValueJson.money(review.get("costEstimate"), "costEstimate"),
        ValueJson.text(review.getJsonObject("publicAnswer")));
  }

  private static Progress readProgress(JsonObject progress) {
    List<Milestone> milestones = new ArrayList<>();
    for (JsonObject m : progress.getJsonArray("milestones").getValuesAs(JsonObject.class)) {
      milestones.add(
          new Milestone(
              ValueJson.text(m.getJsonObject("label")),
              m.isNull("date") ? null : LocalDate.parse(m.getString("date")),
              m.getBoolean("reached")));
    }
    return new Progress(progress.getInt("percent"), milestones);
  }
}
