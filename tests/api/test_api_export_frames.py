"""``GET /export/jsonld?frame=``: the framed JSON-LD over HTTP, and clear refusals.

The framing itself is proved in tests/graph/test_jsonld_frames.py; here the
route passes the frame through, names the download after it, and answers an
unknown frame or a frame on another format with the JSON error shape (400).
"""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_a_framed_export_is_one_tree_per_post(client: TestClient) -> None:
    response = client.get("/export/jsonld", params={"frame": "post"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    assert "-post.jsonld" in response.headers["content-disposition"]
    nodes = response.json()["@graph"]
    assert nodes and {node["@type"] for node in nodes} == {"org:Post"}
    assert all(isinstance(node["postIn"], dict) for node in nodes if "postIn" in node)


def test_an_unknown_frame_is_a_400_listing_the_frames(client: TestClient) -> None:
    response = client.get("/export/jsonld", params={"frame": "nhom"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert "unknown frame 'nhom'" in error["message"] and "unit" in error["message"]


def test_a_frame_on_another_format_is_a_400(client: TestClient) -> None:
    response = client.get("/export/ttl", params={"frame": "post"})
    assert response.status_code == 400
    assert "JSON-LD only" in response.json()["error"]["message"]
