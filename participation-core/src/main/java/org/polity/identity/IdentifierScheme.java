package org.polity.identity;

/**
 * A kind of identifier that proves a person's uniqueness, and how to normalise it before hashing so
 * that the same person always gets the same {@link ParticipantKey} however the identifier was
 * typed. Built-in schemes are in {@link IdentifierSchemes}; a deployment may add its own (an eID
 * subject, a municipal citizen number).
 */
public interface IdentifierScheme {

  /**
   * The scheme's short, stable name, hashed together with the identifier so that identifiers of
   * different schemes never collide (e.g. {@code be-nrn}).
   *
   * @return the name; letters, digits and '-'
   */
  String id();

  /**
   * The canonical form of an identifier.
   *
   * @param raw the identifier as typed or read
   * @return the canonical form
   * @throws IllegalArgumentException if it is not an identifier of this scheme; the message says
   *     why without repeating the identifier (it is personal data)
   */
  String normalise(String raw);
}
