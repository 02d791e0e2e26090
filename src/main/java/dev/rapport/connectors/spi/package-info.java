/**
 * What a network connector implements: {@link dev.rapport.connectors.spi.NetworkConnector} and the
 * values it exchanges. Connectors never retry: they report what happened with a
 * {@link dev.rapport.connectors.spi.ConnectorException} and the engine decides.
 */
@NamedInterface("spi")
@NullMarked
package dev.rapport.connectors.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
