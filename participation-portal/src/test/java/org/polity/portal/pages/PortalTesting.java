package org.polity.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.jakarta.testing.TestDatabase;

/** What the portal's tests share: a development server on H2, and a vote opened for a day. */
public final class PortalTesting {

  private PortalTesting() {}

  /**
   * A server in development mode (the development sign-in headers) on H2 in a folder.
   *
   * @param data the database's folder
   * @return the running server
   */
  public static PolityServer developmentServer(Path data) {
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    return PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
  }

  /**
   * Declares the vote on a budget, open since an hour and for a day, with the default form.
   *
   * @param base the server's address
   * @param budget the budget
   */
  public static void openVote(URI base, String budget) {
    openVote(base, budget, null);
  }

  /**
   * Declares the vote on a budget, open since an hour and for a day, with a ballot form.
   *
   * @param base the server's address
   * @param budget the budget
   * @param form the {@code form} member as JSON, or null for the default form
   */
  public static void openVote(URI base, String budget, String form) {
    Api.Reply declared =
        new Api(base)
            .send(
                "PUT",
                "api/v1/budgets/" + budget + "/vote",
                "{\"opensAt\":\""
                    + Instant.now().minusSeconds(3600)
                    + "\",\"closesAt\":\""
                    + Instant.now().plusSeconds(86_400)
                    + "\""
                    + (form == null ? "" : ",\"form\":" + form)
                    + "}",
                "ada",
                "administrator");
    assertThat(declared.status()).as(declared.body()).isEqualTo(200);
  }
}
