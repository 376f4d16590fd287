"""schema.org ClaimReview JSON-LD, as fact-check publishers and Google's Fact Check tools read it:
one ClaimReview per reviewed claim (unreviewed claims are not published). The desk's settings say who
publishes it and where; the claim's summary, author and appearance come from the article."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..extract.speakers import SpeakerResolver, is_organisation
from ..store.settings import get_settings, names_reviewers
from .collect import named_speaker, safe_url
from .summary import attributed_to, summary_of

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database

DEFAULT_ORGANISATION = "Claim Workbench"


@dataclass(frozen=True)
class Desk:
    """Who publishes the reviews and where: the desk settings, or the export's options over them."""
    organisation: str = DEFAULT_ORGANISATION
    organisation_url: str | None = None
    review_url: str | None = None  # a pattern with {claim}, or a page that each review is an #anchor of
    reviewer_names: bool = False


def review_url(pattern: str | None, claim_id: int) -> str | None:
    """The page of one claim's check: the pattern with {claim} filled in, else the page + #claim-ID."""
    if not pattern:
        return None
    url = pattern.replace("{claim}", str(claim_id)) if "{claim}" in pattern \
        else f"{pattern.split('#')[0]}#claim-{claim_id}"
    return safe_url(url)


def load_desk(db: Database, organisation: str | None = None, organisation_url: str | None = None,
              review_url: str | None = None) -> Desk:
    """The desk settings, with what the export was given (its options or their environment variables) over them."""
    settings = get_settings(db)
    return Desk(organisation=organisation or settings.get("organisation") or DEFAULT_ORGANISATION,
                organisation_url=organisation_url or settings.get("organisation_url"),
                review_url=review_url or settings.get("review_url"),
                reviewer_names=names_reviewers(settings))


def missing_review_urls(db: Database, ids: list[int], desk: Desk) -> list[int]:
    """Ids of the reviewed claims in these articles whose ClaimReview would have no url."""
    if review_url(desk.review_url, 1):
        return []
    missing: list[int] = []
    for article_id in ids:
        missing += [r[0] for r in db.execute(
            "SELECT id FROM claims WHERE article_id = ? AND verdict IS NOT NULL AND status != 'rejected' "
            "ORDER BY start, id", [article_id]).fetchall()]
    return missing


def published_claims(article: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in article["claims"] if c["verdict"] and c["status"] != "rejected"]


def claim_reviews(article: dict[str, Any], scale: dict[str, dict], desk: Desk) -> list[dict[str, Any]]:
    """The ClaimReviews of one article's reviewed claims. One without a url (no pattern given) is marked
    creativeWorkStatus "Draft": the export refuses it unless asked for drafts."""
    numbers = [v["rating_value"] for v in scale.values() if v.get("rating_value") is not None]
    authors = _ClaimAuthors(article)
    appearance = _appearance(article)
    reviews = []
    for c in published_claims(article):
        rating = scale.get(c["verdict"], {})
        label = rating.get("label", c["verdict"])
        item: dict[str, Any] = {"@type": "Claim"}
        author = authors.of(c)
        if author:
            item["author"] = author
        if article["published"]:
            item["datePublished"] = article["published"]
        if appearance:
            item["appearance"] = appearance
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": summary_of(c),
            "itemReviewed": item,
            "author": _review_author(desk, c["reviewer"]),
            "reviewRating": {
                "@type": "Rating",
                # "unproven" has no place on a numbered scale: its name alone is published
                **({"ratingValue": rating["rating_value"]} if rating.get("rating_value") is not None else {}),
                **({"bestRating": max(numbers), "worstRating": min(numbers)} if numbers else {}),
                "alternateName": label,
                "name": label,
            },
            "datePublished": (c["updated_at"] or "")[:10],
        }
        body = first_paragraph(c["note"])
        if body:
            review["reviewBody"] = body
        citations = [_citation(s) for s in c["sources"] if safe_url(s["url"])]
        if citations:
            review["citation"] = citations
        url = review_url(desk.review_url, c["id"])
        if url:
            review["url"] = url
        else:
            review["creativeWorkStatus"] = "Draft"
        reviews.append(review)
    return reviews


def first_paragraph(note: str | None) -> str | None:
    """The note's first paragraph: the rating's explanation; later paragraphs are the desk's working notes
    (`workbench note` appends each as a paragraph of its own)."""
    for paragraph in re.split(r"\n\s*\n", note or ""):
        if paragraph.strip():
            return " ".join(paragraph.split())
    return None


def _review_author(desk: Desk, reviewer: str | None) -> dict[str, Any] | list[dict[str, Any]]:
    organisation = {"@type": "Organization", "name": desk.organisation,
                    **({"url": safe_url(desk.organisation_url)} if safe_url(desk.organisation_url) else {})}
    if desk.reviewer_names and reviewer:
        return [organisation, {"@type": "Person", "name": reviewer}]
    return organisation


def _appearance(article: dict[str, Any]) -> dict[str, Any] | None:
    """The article the claim appeared in, as far as the import knows it."""
    work: dict[str, Any] = {"@type": "NewsArticle"}
    url = safe_url(article["url"])
    if url:
        work["url"] = url
    if article["headline"]:
        work["headline"] = article["headline"]
    if article["published"]:
        work["datePublished"] = article["published"]
    if article["outlet"]:
        work["publisher"] = {"@type": "Organization", "name": article["outlet"]}
    byline = _byline_name(article["byline"])
    if byline:
        work["author"] = party(byline)
    return work if len(work) > 1 else None


def _citation(source: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": safe_url(source["url"])}
    if source["title"]:
        work["name"] = source["title"]
    if source["publisher"]:
        work["publisher"] = party(source["publisher"], default="Organization")
    if source["published"]:
        work["datePublished"] = source["published"]
    return work


def party(name: str, default: str = "Person") -> dict[str, str]:
    """A Person or an Organization as the name says ("state television", "the Observatory" are bodies)."""
    kind = "Organization" if is_organisation(name) else default
    return {"@type": kind, "name": name}


def _byline_name(byline: str | None) -> str | None:
    """A byline that names someone ("By Ruth Anand"); "our correspondents" or "staff" names nobody."""
    name = re.sub(r"^\s*by\s+", "", byline or "", flags=re.IGNORECASE).strip()
    words = name.split()
    return name if words and all(w[:1].isupper() or w.lower() in ("and", "de", "van", "von", "al") for w in words) \
        else None


class _ClaimAuthors:
    """Who made each claim: the speaker of the quote it is in or of the clause that reports it, else the
    article's byline as a Person, else the outlet as an Organization. Never a pronoun: a "he said" that
    names nobody (collect.named_speaker) counts as no speaker: a claim attributed to someone nobody was found
    for is the outlet's (it published the words), never the reporter's; a quote's has no author."""

    def __init__(self, article: dict[str, Any]):
        self.article = article
        self._resolver: SpeakerResolver | None = None

    def of(self, claim: dict[str, Any]) -> dict[str, str] | None:
        speaker = named_speaker(claim["speaker"])
        if speaker:
            return party(speaker)
        if claim["kind"] == "quote":
            # a quote nobody was found for is not the reporter's or the outlet's, and published markup
            # must not say it is: no author then, nor an "Unknown" one
            return None
        if claim["speaker"]:
            return self._outlet()  # someone the article does not name said it ("he said"): not the reporter
        trailing = self._trailing_speaker(claim)
        if trailing:  # "…, they said." of nobody named is someone's too
            return party(named_speaker(trailing)) if named_speaker(trailing) else self._outlet()
        byline = _byline_name(self.article["byline"])
        if byline:
            return party(byline)
        return self._outlet()

    def _outlet(self) -> dict[str, str] | None:
        outlet = " ".join((self.article["outlet"] or "").split())
        return {"@type": "Organization", "name": outlet} if outlet else None

    def _trailing_speaker(self, claim: dict[str, Any]) -> str | None:
        """"…, officials said." names who the clause reports, after the claim, where the extractor's reading
        ("X said" before the claim) does not look."""
        mention = attributed_to(claim)
        if not mention or claim.get("sentence_start") is None:
            return None
        start = self.article["body"].find(mention, claim["start"], claim["sentence_end"] or None)
        if start < 0:
            return mention
        if self._resolver is None:
            self._resolver = SpeakerResolver(self.article["body"])
        return self._resolver.resolve(start, start + len(mention))


def script_block(review: dict[str, Any]) -> str:
    """The review as a <script type="application/ld+json"> block for an HTML page. JSON escapes <, > and &
    as \\u003c…: a "</script>" or "<!--" in a note or a headline cannot end the block or open a comment."""
    data = json.dumps(review, ensure_ascii=False, sort_keys=True)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"<script type=\"application/ld+json\">{data}</script>\n"
