"""The five seed articles (../shared/seeds, read at run time) are one story."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.annotate import annotate
from newsprism.clean import clean_articles
from newsprism.cluster import cluster_stories
from newsprism.ingest import read_inputs


@pytest.mark.issue(4)
def test_seeds_form_one_story(seeds_dir: Path):
    articles = clean_articles(read_inputs([seeds_dir]).articles)
    assert len(articles) == 5
    (story,) = cluster_stories(articles, annotate(articles))
    assert sorted(story.article_ids) == sorted(article.id for article in articles)
