package org.polity.jakarta.glassfish.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;
import java.util.Set;

/**
 * The test portal's own sign-in: HTTP Basic through Jakarta Security, with the portal's users and
 * groups ({@code RESIDENT}, {@code PORTAL_ADMIN}). Polity knows nothing of it: it sees the server's
 * security context, and maps the portal's role names through {@code polity.roles.*}.
 */
@BasicAuthenticationMechanismDefinition(realmName = "portal")
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

  /** Every user's password in this test portal. */
  public static final String PASSWORD = "portal-secret";

  private static final Map<String, Set<String>> USERS =
      Map.of(
          "alice", Set.of("RESIDENT"),
          "bob", Set.of("RESIDENT"),
          "ada", Set.of("PORTAL_ADMIN"),
          "rita", Set.of("PORTAL_REVIEWER"));

  /** Creates the store; CDI calls it. */
  public PortalIdentityStore() {}

  /**
   * Checks a user name and password.
   *
   * @param credential what the caller sent
   * @return the user and groups, or invalid
   */
  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    Set<String> groups = USERS.get(credential.getCaller());
    if (groups == null || !credential.compareTo(credential.getCaller(), PASSWORD)) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(credential.getCaller(), groups);
  }
}
