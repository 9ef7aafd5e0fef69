-- wrk script: send GETs to the paths listed (one per line) in the file given
-- after "--", in turn, so one run covers every catalogue answer.
--   wrk -t1 -c16 -d10s --latency http://127.0.0.1:8000 -s rotate.lua -- paths.txt
local paths = {}
local index = 0

init = function(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      table.insert(paths, line)
    end
  end
end

request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], { ["Accept"] = "application/sparql-results+json" })
end
