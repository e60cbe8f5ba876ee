package org.polity.jakarta.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.Locale;
import java.util.Set;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.voting.CastOutcome;
import org.polity.voting.Channel;

/**
 * A host portal's own page, as a test sees it: it injects {@link VotingService} and casts its
 * signed-in resident's ballot without HTTP.
 */
@ApplicationScoped
public class HostVotingPage {

  @Inject VotingService voting;

  /**
   * Casts a resident's ballot online, as the portal's page would.
   *
   * @param resident the portal's signed-in user
   * @param budget the budget
   * @param ballot the ballot
   * @return the service's answer
   */
  Result<CastOutcome> vote(String resident, BudgetId budget, Ballot ballot) {
    Principal user = () -> resident;
    return voting.cast(
        Caller.of(user, Set.of(PolityRole.PARTICIPANT)),
        budget,
        ballot,
        Channel.online(),
        Locale.FRENCH);
  }
}
