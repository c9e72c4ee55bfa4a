package cloud.reencrypt.store.obs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.Credentials;
import cloud.reencrypt.store.Md5;
import cloud.reencrypt.store.ObjectInfo;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStoreException;
import cloud.reencrypt.store.ObjectStoreException.Reason;
import cloud.reencrypt.store.ObjectUpload;
import cloud.reencrypt.store.ObsDialect;
import cloud.reencrypt.store.StoredObject;
import cloud.reencrypt.testing.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only the OBS store has: multipart uploads, the wire form of metadata, SDK errors. */
class ObsObjectStoreTest {
  @RegisterExtension static final S3ProxyServer S3 = new S3ProxyServer();

  private static final int PART = ObsObjectStore.MIN_PART_SIZE;

  private ObjectStore store;
  private String bucket;

  @BeforeEach
  void connect() {
    store =
        new ObsObjectStore(
            URI.create(S3.endpoint()), S3.credentials(), ObsDialect.S3_PATH_STYLE, PART);
    bucket = S3.createBucket();
  }

  @AfterEach
  void disconnect() {
    store.close();
  }

  @Test
  void write_largerThanOnePart_streamsMultipartUploadAndReadsBackWhole() throws IOException {
    byte[] content = randomBytes(2 * PART + 123_457);

    ObjectInfo written =
        store.write(
            bucket, "big.jsonl", Map.of("reencrypt-source-etag", "e"), out -> copy(content, out));

    assertArrayEquals(content, S3.read(bucket, "big.jsonl"));
    assertEquals(0, S3.pendingMultipartUploads(bucket));
    assertEquals(content.length, written.size());
    assertTrue(written.etag().endsWith("-3"), "three parts: " + written.etag());
    try (StoredObject object = store.open(bucket, "big.jsonl")) {
      assertEquals(Md5.hex(new ByteArrayInputStream(content)), Md5.hex(object.content()));
      assertEquals(written, object.info());
    }
  }

  @Test
  void upload_abortedAfterPartsWereSent_leavesNoObjectAndNoPendingUpload() throws IOException {
    try (ObjectUpload upload = store.upload(bucket, "partial", Map.of())) {
      copy(randomBytes(2 * PART + 1), upload.stream());
      assertEquals(1, S3.pendingMultipartUploads(bucket));
    }

    assertFalse(S3.exists(bucket, "partial"));
    assertEquals(0, S3.pendingMultipartUploads(bucket));
  }

  @Test
  void write_userMetadata_isStoredAsServerUserMetadata() throws IOException {
    store.write(bucket, "k", Map.of("reencrypt-destination-key-id", "0d0466b0"), out -> {});

    assertEquals(Map.of("reencrypt-destination-key-id", "0d0466b0"), S3.userMetadata(bucket, "k"));
  }

  @Test
  void everyOperation_wrongSecretKey_failsWithAccessDeniedAndNoSecretInMessage()
      throws IOException {
    store.write(bucket, "k", Map.of(), out -> out.write(1));
    String wrongSecret = "wrong-secret-9f8e7d";
    Credentials wrong = new Credentials(S3ProxyServer.ACCESS_KEY, wrongSecret, null);
    try (ObjectStore denied = ObsObjectStore.connect(S3.endpoint(), wrong)) {
      for (ObjectStoreCall call :
          new ObjectStoreCall[] {
            () -> denied.open(bucket, "k"),
            () -> denied.head(bucket, "k"),
            () -> denied.write(bucket, "new", Map.of(), out -> out.write(1))
          }) {
        ObjectStoreException e = assertThrows(ObjectStoreException.class, call::run);
        assertEquals(Reason.ACCESS_DENIED, e.reason(), e.getMessage());
        assertFalse(e.getMessage().contains(wrongSecret), e.getMessage());
        assertFalse(e.getMessage().contains("StringToSign"), e.getMessage());
      }
    }
    assertFalse(S3.exists(bucket, "new"));
  }

  @Test
  void open_unknownAccessKey_failsWithAccessDenied() {
    Credentials unknown = new Credentials("unknown-ak", "unknown-sk", null);
    try (ObjectStore denied = ObsObjectStore.connect(S3.endpoint(), unknown)) {
      ObjectStoreException e =
          assertThrows(ObjectStoreException.class, () -> denied.open(bucket, "k"));
      assertEquals(Reason.ACCESS_DENIED, e.reason());
    }
  }

  @Test
  void open_missingBucket_namesTheBucket() {
    ObjectStoreException e =
        assertThrows(ObjectStoreException.class, () -> store.open("no-such-bucket-y", "k"));

    assertEquals(Reason.NOT_FOUND, e.reason());
    assertTrue(
        e.getMessage().startsWith("bucket 'no-such-bucket-y' does not exist"), e.getMessage());
  }

  @Test
  void roundTrip_temporaryCredentialsWithSecurityToken_work() throws IOException {
    Credentials temporary =
        new Credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, "session-token");
    try (ObjectStore withToken = ObsObjectStore.connect(S3.endpoint(), temporary)) {
      withToken.write(bucket, "t", Map.of(), out -> out.write(7));
      try (StoredObject object = withToken.open(bucket, "t")) {
        assertArrayEquals(new byte[] {7}, object.content().readAllBytes());
      }
    }
  }

  @Test
  void open_nothingListeningAtEndpoint_failsWithUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (ObjectStore unreachable =
        ObsObjectStore.connect("http://127.0.0.1:" + closedPort, S3.credentials())) {
      ObjectStoreException e =
          assertThrows(ObjectStoreException.class, () -> unreachable.open(bucket, "k"));

      assertEquals(Reason.UNAVAILABLE, e.reason(), e.getMessage());
      assertTrue(e.getMessage().contains("OBS is unreachable"), e.getMessage());
    }
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  /** Writes in 64 KiB pieces, the way a streaming producer does. */
  private static void copy(byte[] content, OutputStream out) throws IOException {
    for (int offset = 0; offset < content.length; offset += 65_536) {
      out.write(content, offset, Math.min(65_536, content.length - offset));
    }
  }

  @FunctionalInterface
  private interface ObjectStoreCall {
    void run() throws IOException;
  }
}
