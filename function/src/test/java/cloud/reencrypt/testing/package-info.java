/**
 * Test fixtures shared by every test package: {@link cloud.reencrypt.testing.S3ProxyServer}, a real
 * S3-protocol server on loopback for OBS-path tests.
 */
package cloud.reencrypt.testing;
