package cloud.reencrypt.kms.local;

import static cloud.reencrypt.kms.local.TestKeystores.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.kms.ReEncryptRequest;
import cloud.reencrypt.kms.ReEncryptResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every combination of source key × destination key × {data, data key} × {no AAD, AAD} ×
 * {source_key_id given, omitted}: valid cells round-trip to the same plaintext, invalid ones give
 * the error {@link ReEncryption} documents for them, and a dry run's check of each cell agrees.
 */
class ReEncryptMatrixTest {
  /**
   * The demo keys under test, with the algorithm each uses (null: the SYMMETRIC_DEFAULT default).
   */
  enum Key {
    AES_256(DemoKeys.AES_256, null),
    AES_256_CBC(DemoKeys.AES_256_CBC_DATAKEY, null),
    SM4(DemoKeys.SM4, null),
    RSA_2048(DemoKeys.RSA_2048, "RSAES_OAEP_SHA_256"),
    RSA_3072(DemoKeys.RSA_3072, "RSAES_OAEP_SHA_1"),
    RSA_4096(DemoKeys.RSA_4096, "RSAES_OAEP_SHA_256"),
    SM2(DemoKeys.SM2, "SM2_ENCRYPT");

    final String id;
    final String algorithm;

    Key(String id, String algorithm) {
      this.id = id;
      this.algorithm = algorithm;
    }

    boolean asymmetric() {
      return algorithm != null;
    }

    String algorithmName() {
      return asymmetric() ? algorithm : "SYMMETRIC_DEFAULT";
    }
  }

  record Cell(Key source, Key destination, boolean datakey, boolean aad, boolean sourceNamed) {
    /** The documented error of this cell, or null when it must succeed. */
    String expectedError() {
      if (datakey && source.asymmetric()) {
        return "KMS.0325"; // no data keys under asymmetric keys: create-datakey refuses
      }
      if (source.asymmetric() && !sourceNamed) {
        return "KMS.0204";
      }
      if (aad && (source.asymmetric() || destination.asymmetric())) {
        return "KMS.0308";
      }
      if (datakey && destination.asymmetric()) {
        return "KMS.0325";
      }
      return null;
    }
  }

  private static final String PLAINTEXT = "matrix plaintext 0123456789abcdef";
  private static final String SOURCE_AAD = "source-aad";
  private static final String DESTINATION_AAD = "destination-aad";

  @TempDir static Path directory;
  private static LocalKmsEngine engine;

  @BeforeAll
  static void openEngine() throws IOException {
    engine = TestKeystores.engine(TestKeystores.copyOfDemo(directory));
  }

  static Stream<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (Key source : Key.values()) {
      for (Key destination : Key.values()) {
        for (boolean datakey : new boolean[] {false, true}) {
          for (boolean aad : new boolean[] {false, true}) {
            for (boolean named : new boolean[] {false, true}) {
              cells.add(new Cell(source, destination, datakey, aad, named));
            }
          }
        }
      }
    }
    return cells.stream();
  }

  @ParameterizedTest
  @MethodSource("cells")
  void reEncrypt_matrixCell_roundTripsOrGivesDocumentedError(Cell cell) {
    String expected = cell.expectedError();
    if (cell.datakey && cell.source.asymmetric()) {
      assertKmsError(
          expected,
          () -> engine.createDatakey(Requests.createDatakey(cell.source.id, "256", null)));
      return;
    }
    Source source = cell.datakey ? datakeySource(cell) : dataSource(cell);
    ReEncryptRequest request = request(cell, source.cipherText);
    if (expected != null) {
      assertKmsError(expected, () -> engine.reEncrypt(request));
      return;
    }
    ReEncryptResponse response = engine.reEncrypt(request);
    assertEquals(cell.destination.id, response.keyId());
    assertEquals(cell.source.id, response.sourceKeyId());
    assertEquals(cell.source.algorithmName(), response.sourceEncryptionAlgorithm());
    assertEquals(cell.destination.algorithmName(), response.destinationEncryptionAlgorithm());
    String aad = cell.aad ? DESTINATION_AAD : null;
    if (cell.datakey) {
      assertTrue(Encodings.isEvenHex(response.cipherText()), "data-key ciphertexts are hex");
      String datakey =
          engine
              .decryptDatakey(
                  Requests.decryptDatakey(cell.destination.id, response.cipherText(), "32", aad))
              .dataKey();
      assertEquals(source.plaintext, datakey);
    } else {
      String plainText =
          engine
              .decryptData(
                  Requests.decrypt(
                      response.cipherText(),
                      cell.destination.asymmetric() ? cell.destination.id : null,
                      cell.destination.algorithm,
                      aad))
              .plainText();
      assertEquals(source.plaintext, plainText);
    }
  }

  @ParameterizedTest
  @MethodSource("cells")
  void checkReEncrypt_matrixCell_passesOrGivesTheSameError(Cell cell) {
    if (cell.datakey && cell.source.asymmetric()) {
      return; // no such ciphertext exists: the cell above proves create-datakey refuses it
    }
    Source source = cell.datakey ? datakeySource(cell) : dataSource(cell);
    ReEncryptRequest request = request(cell, source.cipherText);
    String expected = cell.expectedError();
    if (expected != null) {
      assertKmsError(expected, () -> engine.checkReEncrypt(request));
    } else {
      assertDoesNotThrow(() -> engine.checkReEncrypt(request));
    }
  }

  private record Source(String cipherText, String plaintext) {}

  private static Source dataSource(Cell cell) {
    String aad = cell.aad && !cell.source.asymmetric() ? SOURCE_AAD : null;
    String cipherText =
        engine
            .encryptData(Requests.encrypt(cell.source.id, PLAINTEXT, cell.source.algorithm, aad))
            .cipherText();
    return new Source(cipherText, PLAINTEXT);
  }

  private static Source datakeySource(Cell cell) {
    var created =
        engine.createDatakey(
            Requests.createDatakey(cell.source.id, "256", cell.aad ? SOURCE_AAD : null));
    return new Source(created.cipherText(), created.plainText());
  }

  private static ReEncryptRequest request(Cell cell, String cipherText) {
    return new ReEncryptRequest(
        cell.sourceNamed ? cell.source.id : null,
        cell.aad ? SOURCE_AAD : null,
        cell.source.algorithm,
        cell.destination.id,
        cell.aad ? DESTINATION_AAD : null,
        cell.destination.algorithm,
        cell.datakey ? "32" : null,
        cipherText);
  }
}
