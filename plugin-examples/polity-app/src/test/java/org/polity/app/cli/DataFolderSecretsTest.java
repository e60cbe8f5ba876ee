package org.polity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderSecretsTest {

  @TempDir Path data;

  private static final Map<String, String> NO_ENVIRONMENT = Map.of();

  @Test
  void createsFreshOwnerOnlySecretsOnTheFirstStartAndReadsTheSameLater() throws Exception {
    Map<String, String> first = DataFolderSecrets.in(data).settings(NO_ENVIRONMENT::get);
    Path file = data.resolve("secrets.properties");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(first)
        .containsEntry("polity.participant-key.current", "v1")
        .containsKeys("polity.participant-key.secret.v1", "polity.ballot-slot.secret");
    assertThat(Base64.getDecoder().decode(first.get("polity.participant-key.secret.v1")))
        .hasSize(32);
    assertThat(Base64.getDecoder().decode(first.get("polity.ballot-slot.secret"))).hasSize(32);
    assertThat(first.get("polity.participant-key.secret.v1"))
        .isNotEqualTo(first.get("polity.ballot-slot.secret"));

    Map<String, String> second = DataFolderSecrets.in(data).settings(NO_ENVIRONMENT::get);
    assertThat(second).isEqualTo(first);

    Path other = Files.createDirectory(data.resolve("other"));
    assertThat(DataFolderSecrets.in(other).settings(NO_ENVIRONMENT::get))
        .as("another data folder gets its own secrets")
        .isNotEqualTo(first);
  }

  @Test
  void refusesASecretsFileOthersCanReadAndSaysHowToFixIt() throws Exception {
    DataFolderSecrets secrets = DataFolderSecrets.in(data);
    secrets.settings(NO_ENVIRONMENT::get);
    Files.setPosixFilePermissions(secrets.file(), PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> secrets.settings(NO_ENVIRONMENT::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(secrets.file().toString())
        .hasMessageContaining("rw-r--r--")
        .hasMessageContaining("chmod 600");
    Files.setPosixFilePermissions(secrets.file(), PosixFilePermissions.fromString("rw----r--"));
    assertThatThrownBy(() -> secrets.settings(NO_ENVIRONMENT::get))
        .hasMessageContaining("rw----r--");
  }

  @Test
  void theOperatorsEnvironmentOrSystemPropertyWinsOverTheFile() throws Exception {
    Map<String, String> environment =
        Map.of(
            "POLITY_PARTICIPANT_KEY_CURRENT", "v7",
            "POLITY_PARTICIPANT_KEY_SECRET_V7", "b3BlcmF0b3Itc2VjcmV0LW9wZXJhdG9yLXNlY3JldCE=");
    Map<String, String> settings = DataFolderSecrets.in(data).settings(environment::get);
    assertThat(settings)
        .as("only the ballot-slot secret comes from the file")
        .containsOnlyKeys("polity.ballot-slot.secret");

    System.setProperty("polity.ballot-slot.secret", "c2xvdC1zZWNyZXQtc2xvdC1zZWNyZXQtc2xvdC1zZWM=");
    try {
      Path empty = Files.createDirectory(data.resolve("empty"));
      assertThat(DataFolderSecrets.in(empty).settings(environment::get)).isEmpty();
      assertThat(empty.resolve("secrets.properties"))
          .as("nothing to keep: no file is created")
          .doesNotExist();
    } finally {
      System.clearProperty("polity.ballot-slot.secret");
    }
  }

  @Test
  void passesOnARotationWrittenInTheFile() throws Exception {
    DataFolderSecrets secrets = DataFolderSecrets.in(data);
    Map<String, String> first = secrets.settings(NO_ENVIRONMENT::get);
    String v2 = "djItc2VjcmV0LXYyLXNlY3JldC12Mi1zZWNyZXQtdjI=";
    String rotated =
        Files.readString(secrets.file()).replace("current=v1", "current=v2")
            + "polity.participant-key.secret.v2="
            + v2
            + "\npolity.participant-key.previous=v1\n";
    Files.writeString(secrets.file(), rotated);
    assertThat(secrets.settings(NO_ENVIRONMENT::get))
        .containsEntry("polity.participant-key.current", "v2")
        .containsEntry("polity.participant-key.secret.v2", v2)
        .containsEntry("polity.participant-key.previous", "v1")
        .containsEntry(
            "polity.participant-key.secret.v1", first.get("polity.participant-key.secret.v1"));

    Files.writeString(secrets.file(), rotated.replace("secret.v2=", "secret.v3="));
    assertThatThrownBy(() -> secrets.settings(NO_ENVIRONMENT::get))
        .hasMessageContaining("has no polity.participant-key.secret.v2");
  }

  @Test
  void neverShowsASecret() throws Exception {
    DataFolderSecrets secrets = DataFolderSecrets.in(data);
    Map<String, String> settings = secrets.settings(NO_ENVIRONMENT::get);
    assertThat(secrets.toString())
        .contains("secrets.properties")
        .doesNotContain(settings.get("polity.ballot-slot.secret"));
  }
}
