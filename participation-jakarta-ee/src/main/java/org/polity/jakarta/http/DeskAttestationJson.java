package org.polity.jakarta.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.polity.eligibility.Address;
import org.polity.eligibility.DeskAttestation;
import org.polity.geo.GeoPoint;
import org.polity.identity.AgeBand;
import org.polity.jakarta.problem.Problem.FieldError;

/**
 * The JSON of a {@link DeskAttestation}, as the desk's requests send it (a paper ballot's {@code
 * attestation}, a desk registration for an assembly's pool): one reader, so that every desk act
 * checks the same evidence the same way.
 */
public final class DeskAttestationJson {

  private static final org.polity.common.Texts TEXTS =
      org.polity.common.Texts.of(DeskAttestationJson.class);

  private static final Set<String> ATTESTATION_FIELDS =
      Set.of("document", "birthDate", "ageBand", "address");

  private DeskAttestationJson() {}

  /**
   * Reads what a desk encoder checked: {@code {"document": "identity-card", "birthDate":
   * "2012-03-04" | "ageBand": {"from": 16, "to": 25}, "address": {"municipalityCode": "21004",
   * "postalCode": "1000", "point": [4.35, 50.85]}}}. Absent or null: nothing was checked ({@link
   * DeskAttestation#nothing()}).
   *
   * @param value the member {@code attestation} of a request body, or null
   * @param errors where each problem is added, with its field ({@code attestation.document}...)
   * @return the attestation, or null when a problem was added
   */
  public static DeskAttestation read(JsonValue value, List<FieldError> errors) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return DeskAttestation.nothing();
    }
    if (!(value instanceof JsonObject json)) {
      errors.add(new FieldError("attestation", TEXTS.text("attestation.field.attestation")));
      return null;
    }
    json.keySet().stream()
        .filter(k -> !ATTESTATION_FIELDS.contains(k))
        .sorted()
        .forEach(
            k ->
                errors.add(
                    new FieldError(
                        "attestation." + k,
                        FieldErrors.text(
                            "field.unknown-member", "address, ageBand, birthDate, document"))));
    DeskAttestation.Document document = DeskAttestation.Document.NONE;
    JsonValue documentJson = json.get("document");
    if (documentJson != null) {
      String name =
          documentJson instanceof JsonString text
              ? text.getString().toUpperCase(Locale.ROOT).replace('-', '_')
              : "";
      try {
        document = DeskAttestation.Document.valueOf(name);
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError("attestation.document", TEXTS.text("attestation.field.document")));
      }
    }
    Optional<LocalDate> birthDate = Optional.empty();
    JsonValue birth = json.get("birthDate");
    if (birth != null) {
      try {
        birthDate = Optional.of(LocalDate.parse(((JsonString) birth).getString()));
      } catch (ClassCastException | DateTimeParseException e) {
        errors.add(
            new FieldError("attestation.birthDate", TEXTS.text("attestation.field.birth-date")));
      }
    }
    Optional<AgeBand> band = Optional.empty();
    JsonValue bandJson = json.get("ageBand");
    if (bandJson != null) {
      try {
        JsonObject b = (JsonObject) bandJson;
        JsonValue to = b.get("to");
        band =
            Optional.of(
                new AgeBand(
                    b.getJsonNumber("from").intValueExact(),
                    to == null || to.getValueType() == JsonValue.ValueType.NULL
                        ? null
                        : ((JsonNumber) to).intValueExact()));
      } catch (ClassCastException
          | NullPointerException
          | ArithmeticException
          | IllegalArgumentException e) {
        errors.add(new FieldError("attestation.ageBand", TEXTS.text("attestation.field.age-band")));
      }
    }
    if (birthDate.isPresent() && band.isPresent()) {
      errors.add(
          new FieldError("attestation.ageBand", TEXTS.text("attestation.field.age-or-birth")));
    }
    Optional<Address> address = Optional.empty();
    JsonValue addressJson = json.get("address");
    if (addressJson != null) {
      try {
        JsonObject a = (JsonObject) addressJson;
        GeoPoint point = null;
        if (a.get("point") instanceof JsonArray coordinates) {
          point =
              new GeoPoint(
                  coordinates.getJsonNumber(0).doubleValue(),
                  coordinates.getJsonNumber(1).doubleValue());
        }
        address =
            Optional.of(
                new Address(
                    a.containsKey("municipalityCode") ? a.getString("municipalityCode") : null,
                    a.containsKey("postalCode") ? a.getString("postalCode") : null,
                    point));
      } catch (ClassCastException | IndexOutOfBoundsException | IllegalArgumentException e) {
        errors.add(new FieldError("attestation.address", TEXTS.text("attestation.field.address")));
      }
    }
    if (errors.stream().anyMatch(e -> e.field().startsWith("attestation"))) {
      return null;
    }
    return new DeskAttestation(document, birthDate, band, address);
  }
}
