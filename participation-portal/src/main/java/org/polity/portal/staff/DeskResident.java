package org.polity.portal.staff;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polity.eligibility.DeskAttestation;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.security.Caller;
import org.polity.portal.account.Account;
import org.polity.portal.account.AccountService;
import org.polity.portal.web.Page;

/**
 * The resident a desk act is for, as the desk's form gives them: the e-mail of their portal account
 * (then the act is keyed as their own sign-in is, so that what they do online and at the desk is
 * one person's) or the identifier on their document, and what staff checked (the document, the
 * birth date or an age, the address). The ideas and pool pages of the desk share it.
 *
 * @param email the account's e-mail, or ""
 * @param identifier the identifier read on the document, or ""
 * @param document the document shown ({@link DeskAttestation.Document}), or ""
 * @param birthDate the birth date read on it, or ""
 * @param ageFrom the lowest age checked instead, or ""
 * @param municipality the municipality code of the address checked, or ""
 * @param postalCode the postal code of the address checked, or ""
 */
public record DeskResident(
    String email,
    String identifier,
    String document,
    String birthDate,
    String ageFrom,
    String municipality,
    String postalCode) {

  /** Nothing typed yet. */
  public static final DeskResident EMPTY = new DeskResident("", "", "", "", "", "", "");

  /**
   * The resident of a desk form's fields.
   *
   * @param form the form
   * @return what the staff member typed, trimmed
   */
  public static DeskResident of(MultivaluedMap<String, String> form) {
    return new DeskResident(
        field(form, "email"),
        field(form, "identifier"),
        field(form, "document"),
        field(form, "birthDate"),
        field(form, "ageFrom"),
        field(form, "municipality"),
        field(form, "postalCode"));
  }

  /**
   * What staff checked.
   *
   * @return the attestation, or empty when the fields are not well formed
   */
  public Optional<DeskAttestation> attestation() {
    return DeskPages.attestation(document, birthDate, ageFrom, municipality, postalCode);
  }

  /**
   * The identifier the act is keyed by: the account's sign-in subject when an e-mail is given,
   * otherwise the identifier typed.
   *
   * @param staff the staff member
   * @param accounts the accounts
   * @param page the page (language of the refusals)
   * @return the identifier, or the reasons it cannot be found
   */
  public Result<String> key(Caller staff, AccountService accounts, Page page) {
    if (!email.isEmpty()) {
      Result<Optional<Account>> found = accounts.find(staff, email);
      if (found.refusal().isPresent()) {
        return Result.refused(found.refusal().get());
      }
      if (found.orElseThrow().isEmpty()) {
        return Result.refused(
            org.polity.jakarta.problem.Refusal.of(
                org.polity.jakarta.problem.Refusal.Kind.NOT_FOUND,
                "not-found",
                Page.TEXTS.text("desk.resident.none", email)));
      }
      return Result.ok(found.orElseThrow().get().subject());
    }
    if (identifier.isEmpty()) {
      return Result.refused(
          org.polity.jakarta.problem.Refusal.of(
              org.polity.jakarta.problem.Refusal.Kind.INVALID,
              "invalid-input",
              Page.TEXTS.text("desk.act.who")));
    }
    return Result.ok(identifier);
  }

  /**
   * The documents the form offers.
   *
   * @return their names
   */
  public static List<String> documents() {
    List<String> documents = new ArrayList<>();
    for (DeskAttestation.Document document : DeskAttestation.Document.values()) {
      documents.add(document.name());
    }
    return documents;
  }

  private static String field(MultivaluedMap<String, String> form, String name) {
    if (form == null || form.getFirst(name) == null) {
      return "";
    }
    String value = form.getFirst(name).strip();
    return value.length() > 320 ? value.substring(0, 320) : value;
  }
}
