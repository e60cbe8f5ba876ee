package org.polity.jakarta.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import org.polity.eligibility.Attestation;
import org.polity.eligibility.Decision;
import org.polity.eligibility.EligibilityContext;
import org.polity.eligibility.EligibilityPolicy;
import org.polity.eligibility.Evidence;
import org.polity.eligibility.VerificationLevel;
import org.polity.identity.ParticipantKey;
import org.polity.process.ParticipationAction;

/**
 * Decides whether the signed-in person may perform an action under a process's policy, from the
 * evidence of the host's {@link EvidenceProvider}. Nothing about the person is kept.
 *
 * <p>Where the evidence comes from, first that applies: the portal's {@link EvidenceProvider} CDI
 * bean; the principal itself when it implements {@link EvidenceProvider} (the development sign-in);
 * otherwise the sign-in alone, as a {@link VerificationLevel#SELF_DECLARED self-declared} identity,
 * so that rules asking for a verified identity, age or address refuse with a remedy rather than
 * admit by default.
 */
@ApplicationScoped
public class EligibilityService {

  @Inject Instance<EvidenceProvider> providers;

  private Clock clock = Clock.systemUTC();

  /** Creates the service; CDI calls it. */
  public EligibilityService() {}

  /**
   * The evidence about a signed-in person.
   *
   * @param user the principal
   * @param participant their participant key
   * @return the evidence
   */
  public Evidence evidence(Principal user, ParticipantKey participant) {
    Objects.requireNonNull(user, "user");
    if (providers != null && providers.isResolvable()) {
      return providers.get().evidence(user, participant);
    }
    if (providers != null && providers.isAmbiguous()) {
      throw new IllegalStateException(
          "Several EvidenceProvider beans are declared ("
              + providers.handlesStream().map(h -> h.getBean().getBeanClass().getName()).toList()
              + "): declare one, or mark the one to use with @Priority and @Alternative.");
    }
    if (user instanceof EvidenceProvider carried) {
      return carried.evidence(user, participant);
    }
    return Evidence.none()
        .withIdentity(
            Attestation.of(participant, VerificationLevel.SELF_DECLARED, clock.instant()));
  }

  /**
   * Decides for the signed-in person.
   *
   * @param policy the process's policy
   * @param zone the process's time zone (for ages on the day of the decision)
   * @param action the action
   * @param user the principal
   * @param participant their participant key
   * @return the decision
   */
  public Decision decide(
      EligibilityPolicy policy,
      ZoneId zone,
      ParticipationAction action,
      Principal user,
      ParticipantKey participant) {
    return policy.decide(
        action, evidence(user, participant), EligibilityContext.at(clock.instant(), zone));
  }
}
