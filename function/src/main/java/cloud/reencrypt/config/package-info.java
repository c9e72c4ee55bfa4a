/** Configuration: the names the function reads and where their values come from. */
package cloud.reencrypt.config;
