package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code terraform fmt -check}, where the binary is installed; skipped, visibly, elsewhere. */
class TerraformFormatTest {

  @Test
  void terraformFmt_deploymentAndFixtures_areCanonical() throws IOException, InterruptedException {
    Optional<Path> terraform = TerraformBinary.find();
    assumeTrue(terraform.isPresent(), "terraform is not on PATH: skipping the fmt check");
    Path root = TerraformConfig.repositoryRoot();

    for (Path directory :
        new Path[] {
          root.resolve("terraform"), root.resolve("function/src/test/resources/terraform")
        }) {
      ProcessBuilder fmt =
          new ProcessBuilder(
                  terraform.get().toString(), "fmt", "-check", "-recursive", directory.toString())
              .redirectErrorStream(true);
      // fmt works offline; this keeps terraform from asking HashiCorp for a newer version.
      fmt.environment().put("CHECKPOINT_DISABLE", "1");
      Process process = fmt.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertEquals(0, process.waitFor(), "terraform fmt would rewrite files:\n" + output);
    }
  }
}
