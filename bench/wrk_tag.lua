-- wrk script: POST /v1/tag with one-sentence French texts, in turn, as JSON
-- with the language and a DCT (what a newsroom service sends).
local texts = {
  "Le ministre a annoncé hier soir qu'il partira samedi pour trois jours.",
  "Le pont de Valmorin s'est effondré mardi dernier, selon la préfecture.",
  "La réunion du conseil municipal aura lieu le 14 juin à 18 heures.",
  "Les travaux commenceront la semaine prochaine et dureront deux mois.",
  "Il y a deux ans, la rivière avait déjà débordé au printemps.",
  "Le maire s'exprimera demain matin devant la presse.",
  "L'enquête ouverte en mars 2024 devrait aboutir avant la fin de l'année.",
  "Depuis lundi, les bus remplacent le bac entre les deux rives.",
}
local bodies = {}
for i, t in ipairs(texts) do
  bodies[i] = '{"text":"' .. t .. '","lang":"fr","dct":"2024-05-16"}'
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/v1/tag", {["Content-Type"] = "application/json"},
                    bodies[(n % #bodies) + 1])
end
