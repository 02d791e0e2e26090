package dev.rapport.content;

/**
 * What a post does for its audience. A healthy mix has little {@link #PROMOTIONAL} (the workspace
 * default is at most 20%).
 */
public enum ContentType {
    /** Sells: a product, a price, an offer, a launch, a call to buy or sign up. */
    PROMOTIONAL,
    /** Teaches: how-tos, tips, explanations, facts and lessons. */
    EDUCATIONAL,
    /** Amuses: jokes, memes, relatable moments, games and behind-the-scenes fun. */
    ENTERTAINING,
    /** Moves: motivation, quotes, dreams, perseverance and gratitude. */
    INSPIRING,
    /** Talks with the audience: questions, polls, asking for opinions and replies. */
    CONVERSATIONAL,
    /** Shares others' work: articles, reports, reading lists, reposts with credit. */
    CURATED,
    /** Tells a customer's story: case studies, testimonials, reviews and results. */
    CUSTOMER_STORY
}
