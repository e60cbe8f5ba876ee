package org.polity.jakarta.eligibility;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polity.common.LocalizedText;
import org.polity.eligibility.EligibilityPolicy;
import org.polity.eligibility.EligibilityRule;
import org.polity.eligibility.ReferenceDate;
import org.polity.eligibility.Rules;
import org.polity.eligibility.VerificationLevel;
import org.polity.eligibility.spi.CensusSettings;
import org.polity.eligibility.spi.CensusSource;
import org.polity.geo.AreaCollection;
import org.polity.geo.GeoJsonReader;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.http.FieldErrors;
import org.polity.jakarta.http.ValueJson;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.InvalidValueException;
import org.polity.process.ParticipationAction;

/**
 * The published format of eligibility rules, which other capabilities embed in their documents (a
 * process document's {@code eligibility} and {@code budgetEligibility}): reads eligibility rules
 * written as JSON, one rule per action, into core's {@link EligibilityPolicy}. Each rule is an
 * object with exactly one member naming a building block of {@link Rules}:
 *
 * <pre>{@code
 * {"VOTE": {"allOf": [{"minimumAge": {"years": 10, "on": "2027-06-15"}},
 *                     {"livesInMunicipality": {"name": {"fr": "Auderghem", "nl": "Oudergem"},
 *                                              "codes": ["21002"]}}]},
 *  "SUBMIT": {"everyone": {}},
 *  "SUPPORT": {"census": {"kind": "csv", "name": {"en": "of residents"},
 *                         "options": {"file": "/srv/census.csv", "column": "nrn"}}}}
 * }</pre>
 *
 * <p>Blocks: {@code everyone}, {@code nobody}, {@code allOf} and {@code anyOf} (arrays), {@code
 * not}, {@code minimumAge} / {@code maximumAge} ({@code years}, optional {@code on}: without it,
 * the day of the decision), {@code identifiedAtLeast} ({@code SELF_DECLARED}, {@code
 * IDENTITY_PROVIDER}, {@code DESK}), {@code livesInMunicipality} ({@code name}, {@code codes}),
 * {@code livesAtPostalCode} (array of codes), {@code livesInArea} (the address point inside areas
 * read from a GeoJSON file on the server: {@code file}, optional {@code idProperty} and {@code
 * ids}; a point on a border is inside), {@code census} ({@code kind} of a census plugin found by
 * {@link Plugins}, {@code name}, {@code options}). An action without a rule is open to no one.
 * Every error names the JSON path of the bad member.
 */
public final class EligibilityRules {

  private EligibilityRules() {}

  /**
   * Reads a policy.
   *
   * @param rules action name to rule; null for no rule at all
   * @param plugins where census sources come from
   * @param keyer the keyer given to census sources
   * @return the policy
   * @throws IllegalArgumentException naming the path and the fix when a rule is malformed
   * @throws UncheckedIOException when a census register cannot be read
   */
  public static EligibilityPolicy policy(
      JsonObject rules, Plugins plugins, ParticipantKeyer keyer) {
    Map<ParticipationAction, EligibilityRule> policy = new EnumMap<>(ParticipationAction.class);
    if (rules == null) {
      return new EligibilityPolicy(policy);
    }
    for (Map.Entry<String, JsonValue> entry : rules.entrySet()) {
      ParticipationAction action;
      try {
        action = ParticipationAction.valueOf(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw bad(
            "eligibility." + entry.getKey(),
            "rules.field.action",
            names(List.of(ParticipationAction.values())));
      }
      policy.put(action, rule(entry.getValue(), "eligibility." + entry.getKey(), plugins, keyer));
    }
    return new EligibilityPolicy(policy);
  }

  /**
   * Reads one rule.
   *
   * @param value the rule, an object with exactly one member naming a block
   * @param path its JSON path, for messages (such as {@code budgetEligibility.north-2027.VOTE})
   * @param plugins where census sources come from
   * @param keyer the keyer given to census sources
   * @return the rule
   * @throws IllegalArgumentException naming the path and the fix when the rule is malformed
   * @throws UncheckedIOException when a census register cannot be read
   */
  public static EligibilityRule rule(
      JsonValue value, String path, Plugins plugins, ParticipantKeyer keyer) {
    if (!(value instanceof JsonObject node) || node.size() != 1) {
      throw bad(path, "rules.field.rule");
    }
    String block = node.keySet().iterator().next();
    JsonValue body = node.get(block);
    String at = path + "." + block;
    return switch (block) {
      case "everyone" -> Rules.everyone();
      case "nobody" -> Rules.nobody();
      case "allOf" -> Rules.allOf(list(body, at, plugins, keyer));
      case "anyOf" -> Rules.anyOf(list(body, at, plugins, keyer));
      case "not" -> Rules.not(rule(body, at, plugins, keyer));
      case "minimumAge" -> Rules.minimumAge(years(body, at), on(body, at));
      case "maximumAge" -> Rules.maximumAge(years(body, at), on(body, at));
      case "identifiedAtLeast" -> Rules.identifiedAtLeast(level(body, at));
      case "livesInMunicipality" ->
          Rules.livesInMunicipality(
              ValueJson.text(object(body, at).get("name"), at + ".name"),
              strings(object(body, at).get("codes"), at + ".codes"));
      case "livesAtPostalCode" -> Rules.livesAtPostalCode(strings(body, at));
      case "livesInArea" -> area(object(body, at), at);
      case "census" -> Rules.memberOf(census(object(body, at), at, plugins, keyer));
      default -> throw bad(path, "rules.field.unknown-rule", block);
    };
  }

  private static EligibilityRule[] list(
      JsonValue value, String path, Plugins plugins, ParticipantKeyer keyer) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw bad(path, "rules.field.rules");
    }
    List<EligibilityRule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      rules.add(rule(array.get(i), path + "[" + i + "]", plugins, keyer));
    }
    return rules.toArray(EligibilityRule[]::new);
  }

  private static JsonObject object(JsonValue value, String path) {
    if (!(value instanceof JsonObject object)) {
      throw bad(path, "rules.field.object");
    }
    return object;
  }

  private static int years(JsonValue value, String path) {
    JsonValue years = object(value, path).get("years");
    if (!(years instanceof JsonNumber number)
        || !number.isIntegral()
        || number.intValue() < 0
        || number.intValue() > 150) {
      throw bad(path + ".years", "rules.field.years");
    }
    return number.intValue();
  }

  private static ReferenceDate on(JsonValue value, String path) {
    JsonValue on = object(value, path).get("on");
    if (on == null || on == JsonValue.NULL) {
      return ReferenceDate.decisionDay();
    }
    if (on instanceof JsonString date) {
      try {
        return ReferenceDate.on(LocalDate.parse(date.getString()));
      } catch (DateTimeParseException e) {
        // fall through
      }
    }
    throw bad(path + ".on", "rules.field.on");
  }

  private static VerificationLevel level(JsonValue value, String path) {
    if (value instanceof JsonString level) {
      try {
        return VerificationLevel.valueOf(level.getString());
      } catch (IllegalArgumentException e) {
        // fall through
      }
    }
    throw bad(path, "rules.field.level", names(List.of(VerificationLevel.values())));
  }

  private static String[] strings(JsonValue value, String path) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw bad(path, "rules.field.codes");
    }
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString code) || code.getString().isBlank()) {
        throw bad(path + "[" + i + "]", "rules.field.code");
      }
      codes.add(code.getString());
    }
    return codes.toArray(String[]::new);
  }

  private static final Set<String> AREA_MEMBERS = Set.of("file", "idProperty", "ids");

  /**
   * {@code {"file": "/srv/districts.geojson", "idProperty": "district", "ids": ["North"]}}: the
   * address point inside one of the areas (all of them without {@code ids}), read from a GeoJSON
   * FeatureCollection of Polygons and MultiPolygons on the server.
   */
  private static EligibilityRule area(JsonObject body, String path) {
    for (String key : body.keySet()) {
      if (!AREA_MEMBERS.contains(key)) {
        throw new InvalidValueException(
            path + "." + key,
            FieldErrors.text(
                "field.unknown-member",
                String.join(", ", AREA_MEMBERS.stream().sorted().toList())));
      }
    }
    if (!(body.get("file") instanceof JsonString file) || file.getString().isBlank()) {
      throw bad(path + ".file", "rules.field.file");
    }
    String idProperty = null;
    JsonValue property = body.get("idProperty");
    if (property instanceof JsonString p && !p.getString().isBlank()) {
      idProperty = p.getString();
    } else if (property != null && property != JsonValue.NULL) {
      throw bad(path + ".idProperty", "rules.field.id-property");
    }
    String[] ids =
        body.get("ids") == null ? new String[0] : strings(body.get("ids"), path + ".ids");
    AreaCollection areas;
    try {
      areas = new GeoJsonReader().readAreas(Path.of(file.getString()), idProperty);
    } catch (InvalidPathException | NoSuchFileException e) {
      throw bad(path + ".file", "rules.field.no-file", file.getString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          path + ".file: the areas cannot be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // InvalidGeoJsonException and the reader's other refusals name the feature and the fault
      throw new IllegalArgumentException(path + ".file: " + e.getMessage(), e);
    }
    for (int i = 0; i < ids.length; i++) {
      if (areas.byId(ids[i]).isEmpty()) {
        throw bad(
            path + ".ids[" + i + "]",
            "rules.field.no-area",
            ids[i],
            file.getString(),
            String.join(
                ", ", areas.areas().stream().map(org.polity.geo.Area::id).limit(30).toList()));
      }
    }
    return Rules.livesInArea(areas, ids);
  }

  private static CensusSource census(
      JsonObject body, String path, Plugins plugins, ParticipantKeyer keyer) {
    JsonValue kind = body.get("kind");
    if (!(kind instanceof JsonString k) || k.getString().isBlank()) {
      throw bad(
          path + ".kind",
          "rules.field.census-kind",
          String.join(", ", plugins.censusKinds().stream().map(String::valueOf).toList()));
    }
    Map<String, String> options = new LinkedHashMap<>();
    JsonValue given = body.get("options");
    if (given != null) {
      object(given, path + ".options")
          .forEach(
              (key, option) -> {
                if (!(option instanceof JsonString s)) {
                  throw bad(path + ".options." + key, "rules.field.option");
                }
                options.put(key, s.getString());
              });
    }
    LocalizedText name = ValueJson.text(body.get("name"), path + ".name");
    try {
      return plugins.censusSource(new CensusSettings(k.getString(), name, options, keyer));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    } catch (NoSuchFileException | java.nio.file.AccessDeniedException e) {
      throw new IllegalArgumentException(
          path
              + ": there is no readable file '"
              + e.getMessage()
              + "' on the server; give the path of the census register in options.file.",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          path + ": the census register cannot be read: " + e.getMessage(), e);
    }
  }

  private static final org.polity.common.Texts TEXTS =
      org.polity.common.Texts.of(EligibilityRules.class);

  /** A bad member of a rule, with what to do in every language. */
  private static InvalidValueException bad(String path, String key, Object... args) {
    return new InvalidValueException(path, TEXTS.text(key, args));
  }

  private static String names(List<? extends Enum<?>> values) {
    return String.join(", ", values.stream().map(Enum::name).toList());
  }
}
