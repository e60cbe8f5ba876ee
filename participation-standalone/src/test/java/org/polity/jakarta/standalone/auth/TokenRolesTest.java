package org.polity.jakarta.standalone.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the roles are found in a token's claims, as each identity provider puts them. */
class TokenRolesTest {

  @Test
  void aTopLevelListAsEntraAndKeycloakGroupMappersGiveIt() {
    assertThat(TokenVerifier.roles(Map.of("groups", List.of("RESIDENT", "PB_REVIEW")), "groups"))
        .containsExactlyInAnyOrder("RESIDENT", "PB_REVIEW");
    assertThat(TokenVerifier.roles(Map.of("roles", List.of("Polity.Admin")), "roles"))
        .containsExactly("Polity.Admin");
  }

  @Test
  void aDottedPathIntoNestedObjectsAsKeycloakGivesRealmAndClientRoles() {
    Map<String, Object> claims =
        Map.of(
            "realm_access", Map.of("roles", List.of("RESIDENT", "offline_access")),
            "resource_access", Map.of("polity-api", Map.of("roles", List.of("PB_ENCODE"))));
    assertThat(TokenVerifier.roles(claims, "realm_access.roles"))
        .containsExactlyInAnyOrder("RESIDENT", "offline_access");
    assertThat(TokenVerifier.roles(claims, "resource_access.polity-api.roles"))
        .containsExactly("PB_ENCODE");
    assertThat(TokenVerifier.roles(claims, "realm_access.missing")).isEmpty();
    assertThat(TokenVerifier.roles(claims, "realm_access.roles.deeper")).isEmpty();
  }

  @Test
  void aClaimWhoseNameHasDotsIsFoundByItsName() {
    Map<String, Object> claims = Map.of("https://polity.example/roles", List.of("RESIDENT"));
    assertThat(TokenVerifier.roles(claims, "https://polity.example/roles"))
        .containsExactly("RESIDENT");
  }

  @Test
  void aTextIsSplitAtWhiteSpaceAsScopeIsAndOtherShapesGiveNothing() {
    assertThat(TokenVerifier.roles(Map.of("scope", "openid polity:vote  polity:admin"), "scope"))
        .containsExactlyInAnyOrder("openid", "polity:vote", "polity:admin");
    assertThat(TokenVerifier.roles(Map.of("groups", 42), "groups")).isEmpty();
    assertThat(TokenVerifier.roles(Map.of("groups", List.of(1, "", "RESIDENT")), "groups"))
        .containsExactly("RESIDENT");
    assertThat(TokenVerifier.roles(Map.of(), "groups")).isEmpty();
  }
}
