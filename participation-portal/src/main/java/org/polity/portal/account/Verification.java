package org.polity.portal.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.polity.eligibility.DeskAttestation;
import org.polity.jakarta.security.PolityRole;

/**
 * What staff verified about a resident at the desk: only what eligibility needs (the birth date,
 * the municipality and postal codes of the address, the kind of document seen, never its number),
 * who verified as a role (never a name), and when.
 *
 * @param birthDate the birth date read on the document, if checked
 * @param municipalityCode the official code of the municipality of residence, if checked
 * @param postalCode the postal code of the address, if checked
 * @param document the kind of document seen
 * @param verifiedBy the role of the staff member who verified
 * @param verifiedAt when
 */
public record Verification(
    Optional<LocalDate> birthDate,
    Optional<String> municipalityCode,
    Optional<String> postalCode,
    DeskAttestation.Document document,
    PolityRole verifiedBy,
    Instant verifiedAt) {

  /** Checks the parts; blank codes count as absent. */
  public Verification {
    birthDate = birthDate == null ? Optional.empty() : birthDate;
    municipalityCode =
        municipalityCode == null ? Optional.empty() : municipalityCode.filter(s -> !s.isBlank());
    postalCode = postalCode == null ? Optional.empty() : postalCode.filter(s -> !s.isBlank());
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(verifiedBy, "verifiedBy");
    Objects.requireNonNull(verifiedAt, "verifiedAt");
  }

  /**
   * What staff checked, before it is recorded.
   *
   * @param birthDate the birth date read on the document, if checked
   * @param municipalityCode the municipality code, if checked
   * @param postalCode the postal code, if checked
   * @param document the kind of document seen
   */
  public record Evidence(
      Optional<LocalDate> birthDate,
      Optional<String> municipalityCode,
      Optional<String> postalCode,
      DeskAttestation.Document document) {

    /** Checks the parts. */
    public Evidence {
      birthDate = birthDate == null ? Optional.empty() : birthDate;
      municipalityCode = municipalityCode == null ? Optional.empty() : municipalityCode;
      postalCode = postalCode == null ? Optional.empty() : postalCode;
      Objects.requireNonNull(document, "document");
    }
  }
}
