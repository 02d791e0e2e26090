package dev.rapport.screening.model;

/**
 * Turns a text into the form the features are computed on. The model must be scored with the same
 * normaliser it was trained with; the shipped model uses {@link SimpleNormalizer} until the
 * screen's full normaliser replaces it (retrain then: {@link Train}).
 */
@FunctionalInterface
public interface Normalizer {

    String normalize(String text);
}
