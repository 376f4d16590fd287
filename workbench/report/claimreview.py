"""schema.org ClaimReview JSON-LD, as fact-check publishers and Google's Fact Check tools read it:
one ClaimReview per reviewed claim (unreviewed claims are not published)."""
from __future__ import annotations

from typing import Any

from .collect import safe_url


def claim_reviews(article: dict[str, Any], scale: dict[str, dict], organisation: str,
                  organisation_url: str | None = None, review_url: str | None = None) -> list[dict[str, Any]]:
    """`review_url` is the page where the newsroom publishes these fact-checks: each review's `url` is
    that page + #claim-ID. The reviewed article's own address goes in itemReviewed.appearance."""
    organisation_url, review_url = safe_url(organisation_url), safe_url(review_url)
    reviews = []
    for c in article["claims"]:
        if not c["verdict"] or c["status"] == "rejected":
            continue
        rating = scale.get(c["verdict"], {})
        item: dict[str, Any] = {"@type": "Claim"}
        # a quote is its speaker's claim; one nobody was found for is not the reporter's or the outlet's,
        # and published markup must not say it is: no author then, nor an "Unknown" one
        if c["kind"] == "quote":
            if c["speaker"]:
                item["author"] = {"@type": "Person", "name": c["speaker"]}
        elif article["outlet"] or article["byline"]:
            item["author"] = {"@type": "Organization", "name": article["outlet"] or article["byline"]}
        if article["published"]:
            item["datePublished"] = article["published"]
        url = safe_url(article["url"])
        if url:
            item["appearance"] = {"@type": "CreativeWork", "url": url}
        claim_text = c["text"] if c["kind"] == "quote" else (c["sentence"] or c["text"])
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": claim_text,
            "itemReviewed": item,
            "author": {"@type": "Organization", "name": organisation,
                       **({"url": organisation_url} if organisation_url else {})},
            "reviewRating": {
                "@type": "Rating",
                **({"ratingValue": rating["rating_value"]} if rating.get("rating_value") is not None else {}),
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": rating.get("label", c["verdict"]),
            },
            "datePublished": (c["updated_at"] or "")[:10],
        }
        if review_url:
            review["url"] = f"{review_url.split('#')[0]}#claim-{c['id']}"
        reviews.append(review)
    return reviews
