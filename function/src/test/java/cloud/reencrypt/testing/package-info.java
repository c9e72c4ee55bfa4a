/**
 * Test fixtures shared by every test package: {@link cloud.reencrypt.testing.S3ProxyServer}, a real
 * S3-protocol server on loopback for OBS-path tests (over HTTP, and over TLS with a {@link
 * cloud.reencrypt.testing.TestCertificate} made by {@code keytool}), and {@link
 * cloud.reencrypt.testing.CountingRelay}, which counts the bytes a client moves to and from it; the
 * event-fixture source that feeds every {@code events/**}{@code /name.json} with its {@code
 * name.expected.json} to a parameterised test, in the manner of aws-lambda-java-tests'
 * {@code @HandlerParams}/{@code @Event}; and helpers that check volatile fields (fresh ciphertexts)
 * by property on the demo keystore. {@link cloud.reencrypt.testing.LocalKmsServer} runs the local
 * KMS server ({@code serve}) on a copy of the demo keystore, and {@link
 * cloud.reencrypt.testing.SdkRequestSigner} signs requests to it as the Huawei SDKs do. {@link
 * cloud.reencrypt.testing.JacksonOracle} reads the JSON our code writes with Jackson, a parser
 * independent of ours.
 */
package cloud.reencrypt.testing;
