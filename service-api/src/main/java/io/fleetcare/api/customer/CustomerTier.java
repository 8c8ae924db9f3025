package io.fleetcare.api.customer;

/**
 * Customer tiers by purchase volume, use and importance, for differentiated service (seed 001 §七(一)2
 * "將客戶分為不同等級,以便為客戶提供差異化的服務"; seed 003: A, B and C customers).
 */
public enum CustomerTier {
    /** The most important customers. */
    A,
    /** Regular customers. */
    B,
    /** Occasional customers. */
    C
}
