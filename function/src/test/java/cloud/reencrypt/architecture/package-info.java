/**
 * Tests of the code's structure rather than its behaviour: the package map's import rules (which
 * package may import which library or which engine), read from the main sources.
 */
package cloud.reencrypt.architecture;
