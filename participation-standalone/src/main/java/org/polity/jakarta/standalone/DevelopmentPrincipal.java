package org.polity.jakarta.standalone;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polity.eligibility.Address;
import org.polity.eligibility.Attestation;
import org.polity.eligibility.Evidence;
import org.polity.eligibility.VerificationLevel;
import org.polity.geo.GeoPoint;
import org.polity.identity.ParticipantKey;
import org.polity.jakarta.eligibility.EvidenceProvider;
import org.polity.jakarta.problem.InvalidInputException;

/**
 * DEVELOPMENT ONLY: the user named by the development sign-in headers, carrying the evidence that
 * an identity provider would attest, read from more headers:
 *
 * <ul>
 *   <li>{@value #BIRTH_DATE_HEADER}: {@code 2014-05-02};
 *   <li>{@value #ADDRESS_HEADER}: {@code municipality=21002; postal=1160; point=4.41,50.81} (each
 *       part optional);
 *   <li>{@value #LEVEL_HEADER}: how these and the identity are verified, {@code SELF_DECLARED},
 *       {@code IDENTITY_PROVIDER} (the default) or {@code DESK}.
 * </ul>
 *
 * Anyone can send these headers; the standalone server honours them only in development mode.
 *
 * @param name the user name
 * @param birthDate the birth date, or null
 * @param address the address, or null
 * @param level the verification level of all the evidence
 */
record DevelopmentPrincipal(
    String name, LocalDate birthDate, Address address, VerificationLevel level)
    implements Principal, EvidenceProvider {

  private static final org.polity.common.Texts TEXTS =
      org.polity.common.Texts.of(DevelopmentPrincipal.class);

  /** The header giving the birth date. */
  static final String BIRTH_DATE_HEADER = "X-Polity-Dev-Birth-Date";

  /** The header giving the address. */
  static final String ADDRESS_HEADER = "X-Polity-Dev-Address";

  /** The header giving the verification level. */
  static final String LEVEL_HEADER = "X-Polity-Dev-Verification";

  /** When the development attestations are said to be made: a fixed instant in the past. */
  private static final Instant ATTESTED_AT = Instant.parse("2020-01-01T00:00:00Z");

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Evidence evidence(Principal user, ParticipantKey participant) {
    Evidence evidence =
        Evidence.none().withIdentity(Attestation.of(participant, level, ATTESTED_AT));
    if (birthDate != null) {
      evidence = evidence.withBirthDate(Attestation.of(birthDate, level, ATTESTED_AT));
    }
    if (address != null) {
      evidence = evidence.withAddress(Attestation.of(address, level, ATTESTED_AT));
    }
    return evidence;
  }

  /**
   * Reads the principal from a request's headers.
   *
   * @param user the user name
   * @param request the request
   * @return the principal
   * @throws InvalidInputException naming the header when one is malformed
   */
  static DevelopmentPrincipal from(String user, ContainerRequestContext request) {
    VerificationLevel level = VerificationLevel.IDENTITY_PROVIDER;
    String levelHeader = request.getHeaderString(LEVEL_HEADER);
    if (levelHeader != null && !levelHeader.isBlank()) {
      try {
        level = VerificationLevel.valueOf(levelHeader.trim());
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of(
            LEVEL_HEADER,
            TEXTS.text(
                "dev.level",
                String.join(
                    ", ", List.of(VerificationLevel.values()).stream().map(Enum::name).toList())));
      }
    }
    LocalDate birthDate = null;
    String birth = request.getHeaderString(BIRTH_DATE_HEADER);
    if (birth != null && !birth.isBlank()) {
      try {
        birthDate = LocalDate.parse(birth.trim());
      } catch (DateTimeParseException e) {
        throw InvalidInputException.of(BIRTH_DATE_HEADER, TEXTS.text("dev.birth-date"));
      }
    }
    Address address = null;
    String addressHeader = request.getHeaderString(ADDRESS_HEADER);
    if (addressHeader != null && !addressHeader.isBlank()) {
      address = address(addressHeader);
    }
    return new DevelopmentPrincipal(user, birthDate, address, level);
  }

  private static Address address(String header) {
    Map<String, String> parts = new HashMap<>();
    for (String part : header.split(";")) {
      String[] pair = part.split("=", 2);
      if (pair.length != 2
          || !List.of("municipality", "postal", "point").contains(pair[0].trim())) {
        throw InvalidInputException.of(ADDRESS_HEADER, TEXTS.text("dev.address"));
      }
      parts.put(pair[0].trim(), pair[1].trim());
    }
    GeoPoint point = null;
    if (parts.containsKey("point")) {
      String[] lonLat = parts.get("point").split(",");
      try {
        point =
            GeoPoint.of(Double.parseDouble(lonLat[0].trim()), Double.parseDouble(lonLat[1].trim()));
      } catch (RuntimeException e) {
        throw InvalidInputException.of(ADDRESS_HEADER, TEXTS.text("dev.address.point"));
      }
    }
    try {
      return new Address(parts.get("municipality"), parts.get("postal"), point);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(ADDRESS_HEADER, e.getMessage());
    }
  }
}
