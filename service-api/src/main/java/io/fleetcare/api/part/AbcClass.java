package io.fleetcare.api.part;

/** ABC classification of spare parts for purchasing and stock control (seed 004 §六). */
public enum AbcClass {
    /** Few parts, most of the value: tightest control. */
    A,
    B,
    /** Many cheap parts: simplest control. */
    C
}
