package cloud.reencrypt.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The validations the variables' descriptions promise, evaluated by {@code terraform console} over
 * {@code variables.tf} alone (it names no provider), and the check of the destination key's
 * algorithms against each other. Skipped, visibly, where terraform is not installed.
 */
class TerraformVariablesTest {
  private static final List<String> PROVIDER_FREE_FILES = List.of("variables.tf");

  @TempDir Path module;
  private TerraformConsole terraform;

  @BeforeEach
  void copyProviderFreeFiles() throws IOException {
    Optional<TerraformConsole> console = TerraformConsole.over(module, PROVIDER_FREE_FILES);
    assumeTrue(console.isPresent(), "terraform is not on PATH: skipping the variable checks");
    terraform = console.get();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "key_pending_days | 6",
        "key_pending_days | 1097",
        "key_pending_days | seven",
        "key_pending_days | 7.5",
        "log_retention_days | 0",
        "log_retention_days | 366",
        "log_retention_days | 1.5",
        "api_function_memory_mb | 127.5",
        "obs_function_memory_mb | 64",
        "apig_edition | SMALL",
        "input_prefix | /incoming/",
        "output_prefix | /reencrypted/",
        "source_key_ids | [\"\"]",
        "source_key_ids | [\"not-a-key\"]",
        "source_key_ids | [\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\",\"\"]",
        "destination_key_id | bb6a3d22",
        "api_allowed_domain_ids | [\"\"]",
        "api_allowed_domain_ids | [\"a,b\"]",
      })
  void variable_valueOutsideItsDescription_isRejected(String name, String value) throws Exception {
    TerraformBinary.Result result = terraform.run(Map.of(name, value), "var." + name);

    assertTrue(result.refused(), name + " = " + value + " was accepted:\n" + result.output());
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "key_pending_days | 7",
        "key_pending_days | 1096",
        "log_retention_days | 1",
        "log_retention_days | 365",
        "api_function_memory_mb | 128",
        "obs_function_memory_mb | 4096",
        "api_function_memory_mb | 10240",
        "apig_edition | PROFESSIONAL",
        "input_prefix | ''",
        "source_key_ids | [\"0d0466b0-e727-4d9c-b35d-f84bb474a37f\"]",
        "destination_key_id | bb6a3d22-dc93-47ac-b5bd-88df7ad35f1e",
        "api_allowed_domain_ids | [\"0ed1b734c8a34d8fa6e3fb3bbd2a9f1e\"]",
      })
  void variable_valueWithinItsDescription_isAccepted(String name, String value) throws Exception {
    String given = value.equals("''") ? "" : value;
    TerraformBinary.Result result = terraform.run(Map.of(name, given), "var." + name);

    assertFalse(result.refused(), name + " = " + value + " was refused:\n" + result.output());
  }

  @ParameterizedTest(name = "{0} with {1}: {2}")
  @CsvSource({
    "AES_256, SYMMETRIC_DEFAULT, true",
    "SM4, SYMMETRIC_DEFAULT, true",
    "RSA_2048, RSAES_OAEP_SHA_256, true",
    "RSA_4096, RSAES_OAEP_SHA_1, true",
    "SM2, SM2_ENCRYPT, true",
    "RSA_2048, SYMMETRIC_DEFAULT, false",
    "AES_256, RSAES_OAEP_SHA_256, false",
    "SM2, SYMMETRIC_DEFAULT, false",
    "SM4, SM2_ENCRYPT, false",
  })
  void destinationAlgorithm_againstTheKeyAlgorithm_fitsOnlyWhatKmsAccepts(
      String key, String algorithm, String fits) throws Exception {
    Map<String, String> variables =
        Map.of("key_algorithm", key, "destination_encryption_algorithm", algorithm);

    assertEquals(fits, terraform.evaluate(variables, "local.destination_algorithm_fits_key"));
  }

  /** The created destination key is held to the check: a mismatch fails the plan. */
  @Test
  void destinationKey_precondition_comparesTheAlgorithms() {
    TerraformConfig config = TerraformConfig.deployment();
    HclSource source = HclSource.deployment();
    TfBlock key = config.resourceReferencedBy("huaweicloud_kms_key.destination");

    assertEquals(
        Optional.of("local.destination_algorithm_fits_key"),
        source.attribute(key, "condition"),
        key.address() + " does not check destination_encryption_algorithm against key_algorithm");
  }
}
