package cloud.reencrypt.fgs;

import static cloud.reencrypt.testing.DemoKms.AES;
import static cloud.reencrypt.testing.DemoKms.SM4;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.service.RecordSummary;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.OutputMetadata;
import cloud.reencrypt.store.obs.ObsObjectStore;
import cloud.reencrypt.testing.CountingRelay;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.S3ProxyServer;
import cloud.reencrypt.wiring.ObsStores;
import com.huawei.services.runtime.Context;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OBS handler as deployed: the OBS store built from {@code OBS_ENDPOINT} and the context's
 * agency credentials, against a real S3-protocol server (S3Proxy) on loopback.
 */
class ObsHandlerOnObsStoreTest {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  /** A context that carries agency credentials, as FunctionGraph's does. */
  private static Context withAgency(Context local) {
    return (Context)
        Proxy.newProxyInstance(
            Context.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getSecurityAccessKey" -> S3ProxyServer.ACCESS_KEY;
                  case "getSecuritySecretKey" -> S3ProxyServer.SECRET_KEY;
                  case "getSecurityToken" -> null;
                  default -> invoke(method, local, args);
                });
  }

  private static Object invoke(java.lang.reflect.Method method, Context target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static ObsSummary handle(String bucket, String key) {
    Context context =
        withAgency(new HandlerContexts(Map.of("OBS_ENDPOINT", S3.endpoint())).context);
    Map<String, Object> event = EventTemplates.obs(ObsShape.OBS, bucket, key, "", 0);
    return new ObsHandler(new FunctionSetup(Map.of()), ObsHandler.OBS_STORES)
        .handleRequest(event, context);
  }

  @Test
  void handleRequest_objectOnObs_writesOutputWithMetadataAndLeavesTheSource() throws Exception {
    String bucket = S3.createBucket();
    byte[] source = DemoKms.encrypt(SM4, "on obs").getBytes(StandardCharsets.US_ASCII);
    try (ObjectStore store = ObsObjectStore.connect(S3.endpoint(), S3.credentials())) {
      store.write(bucket, "in/a b.txt", Map.of(), out -> out.write(source));

      RecordSummary record = handle(bucket, "in/a b.txt").records().get(0);

      assertEquals("processed", record.status(), String.valueOf(record.reason()));
      ObjectInfo output = store.head(bucket, "reencrypted/in/a b.txt").orElseThrow();
      assertEquals(
          store.head(bucket, "in/a b.txt").orElseThrow().etag(),
          output.userMetadata(OutputMetadata.SOURCE_ETAG).orElseThrow());
      assertEquals(SM4, output.userMetadata(OutputMetadata.SOURCE_KEY_ID).orElseThrow());
      assertEquals(AES, output.userMetadata(OutputMetadata.DESTINATION_KEY_ID).orElseThrow());
      String reEncrypted =
          new String(S3.read(bucket, "reencrypted/in/a b.txt"), StandardCharsets.US_ASCII);
      assertEquals(
          DemoKms.plaintexts().of(SM4, null, null, new String(source, StandardCharsets.US_ASCII)),
          DemoKms.plaintexts().of(AES, null, null, reEncrypted));
      assertArrayEquals(source, S3.read(bucket, "in/a b.txt"));
      assertEquals("skipped", handle(bucket, "in/a b.txt").records().get(0).status());
    }
  }

  @Test
  void handleRequest_manifestOnObs_streamsToACompleteOutput() throws Exception {
    String bucket = S3.createBucket();
    String line = "{\"cipher_text\":\"" + DemoKms.encrypt(AES, "line") + "\"}\n";
    try (ObjectStore store = ObsObjectStore.connect(S3.endpoint(), S3.credentials())) {
      store.write(
          bucket,
          "m.jsonl",
          Map.of(),
          out -> out.write(line.repeat(200).getBytes(StandardCharsets.US_ASCII)));

      RecordSummary record = handle(bucket, "m.jsonl").records().get(0);

      assertEquals(200L, record.linesSucceeded());
      String output = new String(S3.read(bucket, "reencrypted/m.jsonl"), StandardCharsets.US_ASCII);
      assertEquals(200, output.lines().count());
      assertEquals(0, S3.pendingMultipartUploads(bucket));
      assertFalse(S3.exists(bucket, "reencrypted/reencrypted/m.jsonl"));
    }
  }

  /**
   * An object's source stays open while its output is looked up and uploaded, so a first object
   * needs two connections. Without the initializer it opens both; after it, one of them is the
   * connection the initializer's look-up left in the instance's shared client.
   */
  @ParameterizedTest
  @CsvSource({"true, 1", "false, 2"})
  void firstObject_initializerRanOrNot_opensOnlyTheConnectionsTheInitializerDidNot(
      boolean initializer, int openedByTheFirstObject) throws Exception {
    String bucket = S3.createBucket();
    byte[] source = DemoKms.encrypt(SM4, "first").getBytes(StandardCharsets.US_ASCII);
    ObsStores.forget();
    try (CountingRelay relay = new CountingRelay(URI.create(S3.endpoint()));
        ObjectStore store = ObsObjectStore.connect(S3.endpoint(), S3.credentials())) {
      store.write(bucket, "in/first.txt", Map.of(), out -> out.write(source));
      Context context =
          withAgency(
              new HandlerContexts(Map.of("OBS_ENDPOINT", relay.endpoint(), "OUTPUT_BUCKET", bucket))
                  .context);
      ObsHandler handler = new ObsHandler(new FunctionSetup(Map.of()), ObsHandler.OBS_STORES);
      if (initializer) {
        handler.initializer(context);
      }
      int before = relay.connections();

      Map<String, Object> event = EventTemplates.obs(ObsShape.OBS, bucket, "in/first.txt", "", 0);
      RecordSummary record = handler.handleRequest(event, context).records().get(0);

      assertEquals("processed", record.status(), String.valueOf(record.reason()));
      assertEquals(initializer ? 1 : 0, before);
      assertEquals(openedByTheFirstObject, relay.connections() - before);
      assertFalse(S3.exists(bucket, "reencrypted/.reencrypt-initializer"));
    } finally {
      ObsStores.forget();
    }
  }
}
