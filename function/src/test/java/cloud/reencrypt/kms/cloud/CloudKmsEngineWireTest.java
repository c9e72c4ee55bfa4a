package cloud.reencrypt.kms.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.kms.CreateDatakeyResponse;
import cloud.reencrypt.kms.CreatedKey;
import cloud.reencrypt.kms.DecryptDataResponse;
import cloud.reencrypt.kms.DecryptDatakeyResponse;
import cloud.reencrypt.kms.EncryptDataResponse;
import cloud.reencrypt.kms.EncryptDatakeyResponse;
import cloud.reencrypt.kms.KeyDetails;
import cloud.reencrypt.kms.KeyInfoResponse;
import cloud.reencrypt.kms.KeyState;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.KmsOperation;
import cloud.reencrypt.kms.KmsOperations;
import cloud.reencrypt.kms.ListKeysResponse;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.testing.FaultyKmsServer;
import cloud.reencrypt.testing.JacksonOracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation through the real SDK onto the wire and back: the signed request goes to KMS's
 * path with the request record's fields, every field of KMS's answer comes back in the response
 * record. All fields are set to distinct values, so a field dropped or renamed either way fails.
 */
class CloudKmsEngineWireTest {
  private static final String PROJECT = FaultyKmsFixture.PROJECT;
  private static final KeyDetails DETAILS =
      new KeyDetails(
          "k1",
          "d1",
          "alias",
          "realm",
          "AES_256",
          "ENCRYPT_DECRYPT",
          "desc",
          "1700000000000",
          "1800000000000",
          "2",
          "0",
          "1",
          "1900000000000",
          "kms",
          "false",
          "0",
          "ks");
  private static final Map<String, Object> ANSWERS =
      Map.ofEntries(
          Map.entry("create-key", new KeyInfoResponse<>(new CreatedKey("k1", "d1"))),
          Map.entry("describe-key", new KeyInfoResponse<>(DETAILS)),
          Map.entry(
              "list-keys",
              new ListKeysResponse(List.of("k1", "k2"), List.of(DETAILS), "m2", "true", 2)),
          Map.entry("enable-key", new KeyInfoResponse<>(new KeyState("k1", "2"))),
          Map.entry("disable-key", new KeyInfoResponse<>(new KeyState("k1", "3"))),
          Map.entry("schedule-key-deletion", new KeyState("k1", "4")),
          Map.entry("cancel-key-deletion", new KeyState("k1", "3")),
          Map.entry("encrypt-data", new EncryptDataResponse("k1", "c1")),
          Map.entry("decrypt-data", new DecryptDataResponse("k1", "p1", "cDE=")),
          Map.entry("create-datakey", new CreateDatakeyResponse("k1", "p1", "c1")),
          Map.entry(
              "create-datakey-without-plaintext", new CreateDatakeyResponse("k1", null, "c1")),
          Map.entry("encrypt-datakey", new EncryptDatakeyResponse("k1", "c1", "32")),
          Map.entry("decrypt-datakey", new DecryptDatakeyResponse("dk", "32", "dg")),
          Map.entry(
              "re-encrypt",
              new ReEncryptResponse("k2", "k1", "RSAES_OAEP_SHA_256", "SYMMETRIC_DEFAULT", "c2")));

  private final FaultyKmsServer server = newServer();
  private final KmsEngine engine =
      CloudKmsEngine.create(
          new CloudKmsSettings(
              server.endpoint(),
              PROJECT,
              new Credentials("AKWIRE", "SKWIRE", "STS-TOKEN"),
              Duration.ofSeconds(5),
              Duration.ofSeconds(5),
              1,
              0));

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  static Stream<KmsOperation<?, ?>> operations() {
    return KmsOperations.all().stream();
  }

  @Test
  void operations_everyEngineOperation_hasACannedAnswer() {
    assertEquals(14, KmsOperations.all().size());
    assertEquals(ANSWERS.keySet().size(), KmsOperations.all().size());
  }

  @ParameterizedTest
  @MethodSource("operations")
  void operation_allFieldsSet_sendsThemToKmsPathAndMapsEveryAnswerField(KmsOperation<?, ?> op) {
    Object expected = ANSWERS.get(op.path());
    server.then(FaultyKmsServer.respond(200, KmsJson.write(expected)));
    Object request = everyFieldSet(op.requestType());

    Object answer = invoke(op, request);

    assertEquals(expected, answer);
    FaultyKmsServer.Received sent = server.received().get(0);
    assertEquals("POST", sent.method());
    assertEquals("/v1.0/" + PROJECT + "/kms/" + op.path(), sent.path());
    assertEquals(tree(KmsJson.write(request)), tree(sent.body()));
  }

  @Test
  void reEncrypt_request_isSignedWithTheAgencyTokenAndOmitsUnsetFields() {
    engine.reEncrypt(FaultyKmsFixture.REQUEST);
    FaultyKmsServer.Received sent = server.received().get(0);
    String authorization = sent.headers().get("authorization");
    assertTrue(
        authorization.matches(
            "SDK-HMAC-SHA256 Access=AKWIRE, SignedHeaders=[a-z;-]*x-security-token[a-z;-]*,"
                + " Signature=[0-9a-f]{64}"),
        authorization);
    assertEquals("STS-TOKEN", sent.headers().get("x-security-token"));
    assertEquals(PROJECT, sent.headers().get("x-project-id"));
    assertTrue(sent.headers().get("x-sdk-date").matches("\\d{8}T\\d{6}Z"));
    assertEquals("application/json;charset=UTF-8", sent.headers().get("content-type"));
    assertEquals(
        tree("{\"destination_key_id\":\"dst\",\"cipher_text\":\"b2xk\"}"), tree(sent.body()));
  }

  @Test
  void withCredentials_freshAgencyKey_signsWithItWhileTheOriginalKeepsItsOwn() {
    KmsEngine original = engine;
    KmsEngine renewed =
        ((CloudKmsEngine) engine).withCredentials(new Credentials("AKRENEWED", "SKRENEWED", null));
    renewed.reEncrypt(FaultyKmsFixture.REQUEST);
    original.reEncrypt(FaultyKmsFixture.REQUEST);
    List<FaultyKmsServer.Received> sent = server.received();
    assertTrue(sent.get(0).headers().get("authorization").contains("Access=AKRENEWED,"));
    assertEquals(null, sent.get(0).headers().get("x-security-token"));
    assertEquals(PROJECT, sent.get(0).headers().get("x-project-id"));
    assertTrue(sent.get(1).headers().get("authorization").contains("Access=AKWIRE,"));
  }

  @SuppressWarnings("unchecked")
  private <Q, R> R invoke(KmsOperation<Q, R> op, Object request) {
    return op.invoke(engine, (Q) request);
  }

  /** A request record whose every (string) field is {@code v-<field>}. */
  private static Object everyFieldSet(Class<?> recordType) {
    RecordComponent[] components = recordType.getRecordComponents();
    Object[] values = Arrays.stream(components).map(c -> "v-" + c.getName()).toArray();
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    try {
      return recordType.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode tree(String json) {
    return JacksonOracle.read(json);
  }

  private static FaultyKmsServer newServer() {
    try {
      return new FaultyKmsServer("{}");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
