package cloud.reencrypt.bench;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.kms.EncryptDataRequest;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.server.KmsServer;
import cloud.reencrypt.wiring.LocalKms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What {@code bench coldstart} runs on, made before any timing: a keystore with one AES_256 key, an
 * APIG re-encrypt event, {@value StartupSplitMain#REQUESTS} + 1 ciphertext objects in a directory
 * store with an OBS event each, and the local KMS server ({@code serve}) on that keystore, which
 * the cloud engine's runs reach through Huawei's SDK with the keystore's AK/SK and project.
 */
final class ColdStartFixture implements AutoCloseable {
  static final String BUCKET = JobFixture.BUCKET; // removeOutputs clears this bucket

  final Path keystore;
  final Path apigEvent;
  final Path objects;
  final Path obsEvents;
  final String keyId;
  private final KmsServer server;

  ColdStartFixture(Path workDir) throws Exception {
    keystore = workDir.resolve("keystore.json");
    KmsEngine engine = LocalKms.engine(keystore);
    keyId = EngineSuite.createKey(engine, "AES_256", "bench-coldstart");
    String cipherText =
        engine
            .encryptData(new EncryptDataRequest(keyId, "cold start payload", null, null, null))
            .cipherText();
    apigEvent = workDir.resolve("apig-event.json");
    String body =
        "{\"cipher_text\":\"" + cipherText + "\",\"destination_key_id\":\"" + keyId + "\"}";
    Files.writeString(
        apigEvent, RuntimeJson.write(EventTemplates.apig("POST", "/kms/re-encrypt", body)));
    objects = workDir.resolve("objects");
    obsEvents = workDir.resolve("obs-event-");
    writeObjects(cipherText);
    server = LocalKms.serve(keystore, 0, Clock.systemUTC());
  }

  /** The local engine's environment. */
  Map<String, String> localEngine() {
    return Map.of("REENCRYPT_KEYSTORE", keystore.toString(), "DESTINATION_KEY_ID", keyId);
  }

  /** The cloud engine's environment: Huawei's SDK against {@code serve}. */
  Map<String, String> cloudEngine() {
    LocalKms.ClientAccess access = LocalKms.clientAccess(keystore);
    Credentials credential = access.credentials();
    return Map.of(
        "REENCRYPT_ENGINE", "kms",
        "KMS_ENDPOINT", server.url().toString(),
        "HUAWEICLOUD_SDK_AK", credential.accessKey(),
        "HUAWEICLOUD_SDK_SK", credential.secretKey(),
        "HUAWEICLOUD_SDK_PROJECT_ID", access.projectId(),
        "DESTINATION_KEY_ID", keyId);
  }

  /** The OBS event of object {@code i}. */
  Path obsEvent(int i) {
    return Path.of(obsEvents + Integer.toString(i) + ".json");
  }

  /** Deletes earlier outputs and their metadata, so no request is skipped as done. */
  void removeOutputs() {
    try {
      JobFixture.removeOutputs(objects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  private void writeObjects(String cipherText) throws IOException {
    Files.createDirectories(objects.resolve(BUCKET).resolve("in"));
    for (int i = 0; i <= StartupSplitMain.REQUESTS; i++) {
      String key = "in/object-" + i + ".txt";
      Files.writeString(objects.resolve(BUCKET).resolve(key), cipherText);
      Files.writeString(
          obsEvent(i), RuntimeJson.write(EventTemplates.obs(ObsShape.S3, BUCKET, key, "", 0)));
    }
  }
}
