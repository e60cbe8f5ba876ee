package org.polity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParticipantKeyerTest {

  private static final KeySecret V1 = secret("v1", (byte) 1);
  private static final KeySecret V2 = secret("v2", (byte) 2);
  private static final IdentifierScheme NRN = IdentifierSchemes.belgianNationalNumber();

  private static KeySecret secret(String version, byte fill) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, fill);
    return new KeySecret(version, Base64.getEncoder().encodeToString(bytes));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"85.07.30-033.28", "85073003328", " 850730 033 28 ", "85-07-30-033-28"})
  void theSamePersonGetsTheSameKeyHoweverTheNumberIsTyped(String typed) {
    ParticipantKeyer keyer = ParticipantKeyer.of(NRN, V1);
    assertThat(keyer.key(typed)).isEqualTo(keyer.key("85073003328"));
  }

  @Test
  void theKeyIsAnHmacSha256OfSchemeAndNormalisedIdentifier() throws Exception {
    ParticipantKey key = ParticipantKeyer.of(NRN, V1).key("85.07.30-033.28");

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(V1.bytes(), "HmacSHA256"));
    String expected =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(mac.doFinal("be-nrn:85073003328".getBytes(StandardCharsets.UTF_8)));
    assertThat(key).isEqualTo(new ParticipantKey("v1", expected));
    assertThat(key.toString()).startsWith("v1:").doesNotContain("85073003328");
    assertThat(ParticipantKey.parse(key.toString())).isEqualTo(key);
    // Not a plain hash: without the secret, hashing the number does not give the key.
    String plain =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest("be-nrn:85073003328".getBytes(StandardCharsets.UTF_8)));
    assertThat(key.digest()).isNotEqualTo(plain);
  }

  @Test
  void differentSecretsAndDifferentPeopleGiveDifferentKeys() {
    ParticipantKey a = ParticipantKeyer.of(NRN, V1).key("85.07.30-033.28");
    assertThat(ParticipantKeyer.of(NRN, secret("v1", (byte) 9)).key("85.07.30-033.28"))
        .isNotEqualTo(a);
    assertThat(ParticipantKeyer.of(NRN, V1).key("10.01.01-123.93")).isNotEqualTo(a);
  }

  @Test
  void mistypedNationalNumbersAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> NRN.normalise("85.07.30-033.29"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("check digits")
        .hasMessageNotContaining("85073003329");
    assertThatThrownBy(() -> NRN.normalise("1234"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11 digits");
    assertThat(NRN.normalise("10.01.01-123.93")).isEqualTo("10010112393"); // born in 2010
  }

  @Test
  void duringARotationAPersonIsFoundUnderTheOldKeyAndReKeyed() {
    ParticipantKeyer before = ParticipantKeyer.of(NRN, V1);
    ParticipantKey stored = before.key("85.07.30-033.28");

    ParticipantKeyer during = ParticipantKeyer.of(NRN, V2, V1);

    assertThat(during.currentVersion()).isEqualTo("v2");
    assertThat(during.key("85.07.30-033.28").version()).isEqualTo("v2");
    assertThat(during.candidates("85.07.30-033.28"))
        .hasSize(2)
        .startsWith(during.key("85.07.30-033.28"))
        .contains(stored);
    assertThat(during.key("85.07.30-033.28")).isNotEqualTo(stored);
  }

  @Test
  void keyersComeFromConfigurationProperties() {
    Properties properties = new Properties();
    properties.setProperty("polity.participant-key.current", "v2");
    properties.setProperty("polity.participant-key.previous", "v1");
    properties.setProperty("polity.participant-key.secret.v2", V2.base64());
    properties.setProperty("polity.participant-key.secret.v1", V1.base64());

    ParticipantKeyer keyer = ParticipantKeyer.fromProperties(properties, NRN);

    assertThat(keyer.key("85073003328")).isEqualTo(ParticipantKeyer.of(NRN, V2).key("85073003328"));
    assertThat(keyer.candidates("85073003328")).hasSize(2);
    assertThat(keyer.toString()).doesNotContain(V2.base64());

    properties.remove("polity.participant-key.secret.v1");
    assertThatThrownBy(() -> ParticipantKeyer.fromProperties(properties, NRN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("polity.participant-key.secret.v1");
  }

  @Test
  void secretsMustBeLongEnoughAndNeverPrinted() {
    assertThatThrownBy(() -> new KeySecret("v1", Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 bytes")
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> new KeySecret("v1", "***not base64***"))
        .hasMessageContaining("not base64");
    assertThat(V1.toString()).doesNotContain(V1.base64()).contains("v1");
    assertThatThrownBy(() -> ParticipantKeyer.of(NRN, V1, V1))
        .hasMessageContaining("v1 is given twice");
    assertThat(HexFormat.of().formatHex(V1.bytes())).hasSize(64);
  }
}
