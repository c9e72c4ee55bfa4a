package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Credentials;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.ICredentialProvider;
import com.huaweicloud.sdk.core.exception.SdkException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkCredentialChainTest {
  @TempDir Path home;

  @Test
  void firstOf_skipsAbsentAndIdpOnlyProviders_returnsTheFirstAkSk() {
    ICredentialProvider absent =
        () -> {
          throw new SdkException("nothing in the environment");
        };
    ICredentialProvider idpOnly =
        () -> new BasicCredentials().withIdpId("idp").withIdTokenFile("/t");
    ICredentialProvider profile =
        () -> new BasicCredentials().withAk("AK1").withSk("SK1").withProjectId("p1");
    SdkCredentialChain.Found found =
        SdkCredentialChain.firstOf(List.of(absent, idpOnly, profile)).orElseThrow();
    assertEquals(new Credentials("AK1", "SK1", null), found.key());
    assertEquals("p1", found.projectId());
  }

  @Test
  void load_environmentVariables_areReadBySdkProvider() throws Exception {
    String found =
        probe(
            Map.of(
                "HUAWEICLOUD_SDK_AK", "AKENV",
                "HUAWEICLOUD_SDK_SK", "SKENV",
                "HUAWEICLOUD_SDK_PROJECT_ID", "envproject",
                "HUAWEICLOUD_SDK_SECURITY_TOKEN", "envtoken"));
    assertEquals("AKENV SKENV envtoken envproject", found);
  }

  @Test
  void load_profileFile_isReadWhenTheEnvironmentHasNothing() throws Exception {
    Path file = home.resolve("credentials");
    Files.writeString(file, "[basic]\nak = AKFILE\nsk = SKFILE\nproject_id = fileproject\n");
    String found = probe(Map.of("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file.toString()));
    assertEquals("AKFILE SKFILE null fileproject", found);
  }

  @Test
  void load_nothingConfigured_findsNothing() throws Exception {
    assertEquals("none", probe(Map.of()));
  }

  /** Runs {@link SdkCredentialChainProbe} in a JVM whose SDK environment is exactly {@code env}. */
  private String probe(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.home=" + home,
            "-cp",
            System.getProperty("java.class.path"),
            SdkCredentialChainProbe.class.getName());
    builder.environment().keySet().removeIf(name -> name.startsWith("HUAWEICLOUD_SDK_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().putAll(env);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String out;
    try (InputStream stdout = process.getInputStream()) {
      out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(0, process.waitFor());
    List<String> lines = out.lines().filter(l -> !l.isBlank() && !l.contains("SLF4J")).toList();
    assertTrue(!lines.isEmpty(), out);
    return lines.get(lines.size() - 1);
  }
}
