package cloud.reencrypt.fgs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.service.JobId;
import cloud.reencrypt.store.ObjectInfo;
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
 * The jobs routes of the API handler on a real job in the directory store: off unless enabled,
 * KMS-style 4xx for bad and unknown ids, the status of a running job, and its cancellation.
 */
class ApigJobsTest {
  private static final String BUCKET = "jobs";
  private static final String KEY = "exports/keys.jsonl";

  @TempDir Path root;
  private ObjectStore store;
  private String jobId;

  @BeforeEach
  void startAJobThatHandsOn() throws Exception {
    Files.createDirectories(root.resolve(BUCKET));
    store = ObjectStores.directory(root);
    StringBuilder manifest = new StringBuilder();
    for (int n = 1; n <= 40; n++) {
      manifest.append("{\"cipher_text\":\"").append(DemoKms.encrypt(DemoKms.AES, "p" + n));
      manifest.append("\"}\n");
    }
    byte[] bytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
    ObjectInfo info = store.write(BUCKET, KEY, Map.of(), out -> out.write(bytes));
    Map<String, Object> event =
        EventTemplates.obs(ObsShape.EVENTGRID, BUCKET, KEY, info.etag(), info.size());
    // One second left: the invocation commits one part and hands the rest on.
    ObsHandler.withStore(store).handleRequest(event, context(Map.of("PART_BYTES", "1024"), 1));
    jobId = JobId.forManifest(BUCKET, KEY, info.etag());
  }

  private static LocalContext context(Map<String, String> userData, int timeoutSeconds) {
    Map<String, String> values = new HashMap<>(userData);
    values.put("REENCRYPT_KEYSTORE", RepoPaths.demoKeystore().toString());
    return new LocalContext(
        values::get,
        timeoutSeconds,
        System::currentTimeMillis,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private APIGTriggerResponse call(String method, String id, boolean enabled) {
    Map<String, String> userData =
        enabled ? Map.of("JOBS_API_ENABLED", "true", "WORK_BUCKET", BUCKET) : Map.of();
    APIGTriggerEvent event =
        RuntimeJson.bind(
            EventTemplates.apig(method, "/v1.0/p/kms/jobs/" + id, ""), APIGTriggerEvent.class);
    return ApigHandler.withStore(store).handleRequest(event, context(userData, 60));
  }

  private static JsonNode body(APIGTriggerResponse response) {
    return JacksonOracle.read(response.getBody());
  }

  private static void assertError(APIGTriggerResponse response, int status, String code) {
    assertEquals(status, response.getStatusCode(), response.getBody());
    assertEquals(code, body(response).get("error").get("error_code").asText());
  }

  @Test
  void jobs_byDefault_answerAsAnUnknownPath() {
    assertError(call("GET", jobId, false), 400, "KMS.0201");
    assertError(call("DELETE", jobId, false), 400, "KMS.0201");
  }

  @Test
  void get_runningJob_answersItsStatus() {
    APIGTriggerResponse response = call("GET", jobId, true);

    assertEquals(200, response.getStatusCode(), response.getBody());
    JsonNode status = body(response);
    assertEquals(jobId, status.get("job_id").asText());
    assertEquals("running", status.get("state").asText());
    assertEquals(1, status.get("parts_done").asLong());
  }

  @Test
  void get_malformedId_is400AndUnknownId404() {
    assertError(call("GET", "..%2Fplan", true), 400, "KMS.0201");
    assertError(call("GET", "m-0000000000000000", true), 404, "KMS.0201");
  }

  @Test
  void otherMethods_on_jobs_are405() {
    APIGTriggerResponse response = call("POST", jobId, true);

    assertError(response, 405, "KMS.0215");
    assertEquals("GET, DELETE", response.getHeaders().get("Allow"));
  }

  @Test
  void delete_runningJob_cancelsItAndNoFurtherPartStarts() throws Exception {
    APIGTriggerResponse response = call("DELETE", jobId, true);

    assertEquals(200, response.getStatusCode(), response.getBody());
    assertEquals("cancelled", body(response).get("state").asText());
    String continuation = firstContinuation();
    ObsSummary summary =
        ObsHandler.withStore(store)
            .handleRequest(
                EventTemplates.obs(ObsShape.EVENTGRID, BUCKET, continuation, "0", 1),
                context(Map.of("PART_BYTES", "1024"), 60));
    assertEquals("skipped", summary.records().get(0).status());
    assertEquals("cancelled", body(call("GET", jobId, true)).get("state").asText());
    assertEquals(false, store.head(BUCKET, "reencrypted/" + KEY).isPresent());
  }

  private String firstContinuation() throws Exception {
    String prefix = ".reencrypt-work/jobs/" + jobId + "/continue/";
    return store.list(BUCKET, prefix, null, 10).objects().get(0).key();
  }
}
