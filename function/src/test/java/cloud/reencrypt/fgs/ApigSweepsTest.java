package cloud.reencrypt.fgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.testing.RepoPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import com.huawei.services.runtime.entity.apig.APIGTriggerResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST .../kms/jobs/sweep} on the directory store: off unless enabled, KMS-style refusals
 * (bucket not allowed, prefix over the output, bad bodies, keys outside the allow-lists, the cap on
 * running sweeps), an equal running sweep answered, and cancellation through the jobs route.
 */
class ApigSweepsTest {
  private static final String SWEEP = "/v1.0/p/kms/jobs/sweep";

  @TempDir Path root;
  private ObjectStore store;
  private final Map<String, String> userData = new HashMap<>();

  @BeforeEach
  void bucketWithCiphertexts() throws Exception {
    Files.createDirectories(root.resolve("data"));
    Files.createDirectories(root.resolve("work"));
    store = ObjectStores.directory(root);
    for (int n = 0; n < 5; n++) {
      byte[] ct = DemoKms.encrypt(DemoKms.AES, "p" + n).getBytes(StandardCharsets.UTF_8);
      store.write("data", "docs/" + n, Map.of(), out -> out.write(ct));
    }
    userData.putAll(
        Map.of(
            "JOBS_API_ENABLED", "true",
            "WORK_BUCKET", "work",
            "SWEEP_ALLOWED_BUCKETS", "data,other",
            "MAX_RUNNING_JOBS", "1"));
  }

  private APIGTriggerResponse call(String method, String path, String body) {
    Map<String, String> values = new HashMap<>(userData);
    values.put("REENCRYPT_KEYSTORE", RepoPaths.demoKeystore().toString());
    LocalContext context =
        new LocalContext(
            values::get,
            60,
            System::currentTimeMillis,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    APIGTriggerEvent event =
        RuntimeJson.bind(EventTemplates.apig(method, path, body), APIGTriggerEvent.class);
    return ApigHandler.withStore(store).handleRequest(event, context);
  }

  private APIGTriggerResponse sweep(String body) {
    return call("POST", SWEEP, body);
  }

  private static String body(String bucket, String prefix, String destination) {
    return "{\"bucket\":\""
        + bucket
        + "\",\"prefix\":\""
        + prefix
        + "\",\"destination_key_id\":\""
        + destination
        + "\"}";
  }

  private static JsonNode json(APIGTriggerResponse response) {
    return JacksonOracle.read(response.getBody());
  }

  private static void assertError(APIGTriggerResponse response, int status, String code) {
    assertEquals(status, response.getStatusCode(), response.getBody());
    assertEquals(code, json(response).get("error").get("error_code").asText());
  }

  @Test
  void sweep_byDefault_answersAsAnUnknownPath() {
    userData.remove("JOBS_API_ENABLED");

    assertError(sweep(body("data", "docs/", DemoKms.SM4)), 400, "KMS.0201");
  }

  @Test
  void sweep_bucketNotAllowedOrNoneAllowed_is403() {
    assertError(sweep(body("elsewhere", "docs/", DemoKms.SM4)), 403, "KMS.0306");
    userData.remove("SWEEP_ALLOWED_BUCKETS");
    assertError(sweep(body("data", "docs/", DemoKms.SM4)), 403, "KMS.0306");
  }

  @Test
  void sweep_prefixCoveringTheOutput_is400() {
    assertError(sweep(body("data", "", DemoKms.SM4)), 400, "KMS.0308");
    assertError(sweep(body("data", "reencrypted/docs/", DemoKms.SM4)), 400, "KMS.0308");
  }

  @Test
  void sweep_badBodies_are400() {
    assertError(sweep("not json"), 400, "KMS.0202");
    assertError(sweep("{\"prefix\":\"docs/\"}"), 400, "KMS.0204");
    assertError(sweep(body("Bad_Bucket", "docs/", DemoKms.SM4)), 400, "KMS.0308");
    assertError(sweep(body("data", "/docs", DemoKms.SM4)), 400, "KMS.0308");
    assertError(sweep(body("data", "docs/", "bogus")), 400, "KMS.0308");
    String algorithm =
        "{\"bucket\":\"data\",\"destination_key_id\":\""
            + DemoKms.SM4
            + "\",\"destination_algorithm\":\"SM4\"}";
    assertError(sweep(algorithm), 400, "KMS.0308");
  }

  @Test
  void sweep_prefixTheStoreWouldRefuse_is400AndLeavesNoSweepRunning() {
    assertError(sweep(body("data", "docs/\\u0000", DemoKms.SM4)), 400, "KMS.0308");
    // 400 characters, 1,200 UTF-8 bytes: over the store's 1,024-byte limit on keys.
    assertError(sweep(body("data", "\u4e2d".repeat(400), DemoKms.SM4)), 400, "KMS.0308");

    APIGTriggerResponse valid = sweep(body("data", "docs/", DemoKms.SM4));

    assertEquals(200, valid.getStatusCode(), valid.getBody());
  }

  @Test
  void sweep_bucketThatCannotBeListed_failsAndLeavesNoSweepRunning() {
    assertError(sweep(body("other", "docs/", DemoKms.SM4)), 503, "KMS.0104");

    APIGTriggerResponse valid = sweep(body("data", "docs/", DemoKms.SM4));

    assertEquals(200, valid.getStatusCode(), valid.getBody());
  }

  @Test
  void sweep_outputInsideTheWorkLocationOfTheSweptBucket_is400() {
    userData.putAll(Map.of("WORK_BUCKET", "data", "WORK_PREFIX", "reencrypted/"));

    assertError(sweep(body("data", "docs/", DemoKms.SM4)), 400, "KMS.0308");
  }

  @Test
  void sweep_keyOutsideTheAllowLists_is403() {
    userData.put("ALLOWED_DESTINATION_KEY_IDS", DemoKms.AES);
    assertError(sweep(body("data", "docs/", DemoKms.SM4)), 403, "KMS.0306");
    userData.put("ALLOWED_SOURCE_KEY_IDS", DemoKms.AES);
    String other =
        "{\"bucket\":\"data\",\"prefix\":\"docs/\",\"destination_key_id\":\""
            + DemoKms.AES
            + "\",\"source_key_ids\":[\""
            + DemoKms.SM4
            + "\"]}";
    assertError(sweep(other), 403, "KMS.0306");
  }

  @Test
  void sweep_atTheCap_answersAnEqualSweepAndRefusesAnotherWith409() {
    APIGTriggerResponse first = sweep(body("data", "docs/", DemoKms.SM4));
    assertEquals(200, first.getStatusCode(), first.getBody());
    assertEquals("running", json(first).get("state").asText());

    APIGTriggerResponse equal = sweep(body("data", "docs/", DemoKms.SM4));
    APIGTriggerResponse another = sweep(body("data", "docs/0", DemoKms.SM4));

    assertEquals(json(first).get("job_id"), json(equal).get("job_id"));
    assertError(another, 409, "KMS.0308");
  }

  @Test
  void sweep_cancelled_isCancelledAndNoLongerCountsOrBlocks() {
    String id = json(sweep(body("data", "docs/", DemoKms.SM4))).get("job_id").asText();

    APIGTriggerResponse cancelled = call("DELETE", "/v1.0/p/kms/jobs/" + id, "");

    assertEquals("cancelled", json(cancelled).get("state").asText(), cancelled.getBody());
    assertEquals(
        "cancelled", json(call("GET", "/v1.0/p/kms/jobs/" + id, "")).get("state").asText());
    APIGTriggerResponse again = sweep(body("data", "docs/", DemoKms.SM4));
    assertEquals(200, again.getStatusCode(), again.getBody());
    assertNotEquals(id, json(again).get("job_id").asText());
  }

  @Test
  void jobs_unknownSweepId_is404() {
    assertError(call("GET", "/v1.0/p/kms/jobs/s-" + "0".repeat(32), ""), 404, "KMS.0201");
  }
}
