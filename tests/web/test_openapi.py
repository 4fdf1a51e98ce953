"""schemathesis drives the JSON API from its OpenAPI document (bounded: a few examples per operation).

The operations are walked in the test itself (``schemathesis.pytest.from_fixture`` does not work
with this pytest), each with its own bounded Hypothesis run."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

from backchannel.web.app import create_app
from backchannel.workspace import Workspace

EXAMPLES = 6


def test_api_conforms_to_its_schema(workspace: Workspace) -> None:
    app = create_app(workspace, hosts=["testserver", "localhost"])
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    calls: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: schemathesis.Case) -> None:
            response = case.call_and_validate()
            calls.append(response.status_code)

        check()
    assert len(calls) > len(operations) and 200 in calls
