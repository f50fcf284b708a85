package org.confab.server.transfer;

/**
 * The bounds of file transfers: the largest file and chunk, how many transfers an account (either
 * side) and the whole server may have in progress, and how many bytes may wait for a receiver
 * before its sender is held.
 */
public record TransferLimits(int maxFileBytes, int maxChunkBytes, int maxPerAccount, int maxTotal, int windowBytes) {
}
