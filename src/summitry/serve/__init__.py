"""``summitry serve``: a read-only HTTP API (OpenAPI at ``/docs``) and an offline dashboard
over a store, in one process.

    from summitry.serve import create_app
    app = create_app("summitry.duckdb")        # a FastAPI app; run it with uvicorn
"""

from summitry.serve.app import create_app

__all__ = ["create_app"]
