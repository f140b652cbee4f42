#pragma once
// teamgraph: org-health analytics. The umbrella header: include this to get the whole API.

#include "teamgraph/errors.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/org_builder.hpp"
#include "teamgraph/read_org.hpp"
#include "teamgraph/table.hpp"
#include "teamgraph/version.hpp"
#include "teamgraph/assess.hpp"
#include "teamgraph/findings.hpp"
#include "teamgraph/policy.hpp"
#include "teamgraph/scores/departure.hpp"
#include "teamgraph/scores/leadership.hpp"
#include "teamgraph/scores/succession.hpp"
#include "teamgraph/scores/truck_factor.hpp"
#include "teamgraph/what_if.hpp"
#include "teamgraph/scores/support.hpp"
#include "teamgraph/batch.hpp"
