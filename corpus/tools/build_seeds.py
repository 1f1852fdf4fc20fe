#!/usr/bin/env python3
"""Write corpus/labelled/seeds.csv: every sentence of the two seed articles, labelled by hand.

Sentence boundaries are listed by hand (first words ... last words) and resolved against the file,
so each row's text is exactly the file's characters. The script checks that the sentences appear
in order, do not overlap and together cover every non-blank character of the file.
"""
import csv
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]

# (label, exact sentence). c=claim, e=evidence, o=opinion, x=other; r = register override (comment).
SEED_000 = [
    ("x", "A U.S. Withdrawal Risks Handing Iraq to Militias"),
    ("c", "Iraq’s militias are lying low not out of restraint, but calculation—betting that a U.S. exit would hand them greater power and legitimacy."),
    ("c", "After a rocky start to January and a wave of escalations across the region, the Middle East once again finds itself on the brink of a wider conflict."),
    ("c", "U.S. threats against Iran, combined with the continued deployment of heavy military hardware and rising tensions in Syria and Lebanon, have signaled a long and volatile winter ahead."),
    ("c", "Iraq, however, has been notably quiet."),
    ("e", "Since President Donald Trump returned to office, Iranian-backed militias in Iraq have largely stood down from operations."),
    ("e", "Militia leaders have attributed this pause to an informal truce reached with the Iraqi government, ostensibly to allow time for negotiations over a potential U.S. military withdrawal."),
    ("c", "Iraq specialists and regional observers widely view these claims as a smokescreen."),
    ("c", "Rather than a goodwill gesture, the lull is seen as an attempt by militias to avoid appearing weak or ineffective in the face of a hardened “Trump 2.0” U.S. policy toward Iraq."),
    ("e", "President Trump has made clear that any attacks on U.S. forces would be met with a tremendous response—a threat that militias have experienced firsthand."),
    ("e", "In December 2019 and January 2020, the United States struck Kataib Hezbollah, killing a significant number of its fighters."),
    ("e", "Days later, the U.S. delivered an even heavier blow by assassinating Iranian General Qassem Soleimani and Iraqi Popular Mobilization Forces powerbroker Abu Mahdi al-Muhandis in Baghdad."),
    ("c", "Those events remain deeply embedded in militia calculations today."),
    ("c", "The current outlook among militia leaders is bleak."),
    ("c", "Iran is weaker than it has been in decades, and its ability to shield its Iraqi proxies is increasingly constrained."),
    ("e", "At the same time, pressure from the United States continues—both through its embassy in Baghdad and via the newly appointed special presidential envoy to Iraq."),
    ("e", "Compounding the pressure is a renewed domestic push to disarm militias, reportedly backed by Iraq’s head of the judiciary."),
    ("c", "This has left militias with few options beyond escalating their rhetoric."),
    ("c", "Notably, a simple U.S. troop withdrawal no longer appears sufficient to meet their demands."),
    ("e", "Leaders from several militia factions have called for the complete withdrawal of all U.S. forces, including those stationed in the Kurdistan Region, as well as the removal of NATO advisers from Iraq."),
    ("c", "Such demands reinforce concerns that a full U.S. withdrawal would do little to stabilize Iraq."),
    ("c", "Instead, it risks entrenching the existing power vacuum and emboldening militias, who would portray a U.S. exit as a strategic victory."),
    ("c", "Washington must carefully calculate the risks of a full withdrawal, particularly given Iraq’s unstable political landscape and renewed threats from ISIS attempts to regroup in neighboring Syria."),
    ("c", "Shifting dynamics in eastern Syria could once again create fertile ground for jihadist groups seeking to destabilize both Iraq and Syria."),
    ("c", "Continued monitoring and rapid response capabilities remain critical to counterterrorism efforts."),
    ("c", "Beyond security, the U.S. presence provides a protective umbrella for American and foreign investments in Iraq and serves as a vital safety net for Erbil and moderate political forces in Baghdad."),
    ("c", "Without it, the risk of a militia-driven takeover of state institutions would increase significantly."),
    ("c", "Absent stability and credible deterrence, Iraq could also be left exposed to expanded influence from hostile external actors eager to widen their foothold in the war-battered country."),
    ("c", "A U.S. withdrawal, far from weakening militias, may ultimately strengthen them—unless it is paired with a clear strategy to address the deeper political, security, and institutional vulnerabilities they continue to exploit."),
    ("x", "Middle East Uncovered is powered by Ideas Beyond Borders."),
    ("x", "The views expressed in Middle East Uncovered are those of the authors and do not necessarily reflect the views of Ideas Beyond Borders."),
    "COMMENTS",
    ("o", "you hit the spot, keep going brother🖤"),
    ("o", "A most insightful piece by Steven Nabil!"),
    ("o", "I’m am most impressed with my first article from the Middle East Uncovered publication!"),
    ("c", "The U.S. must NOT under any circumstances, be allowed to execute a full withdrawal from Iraq!"),
    ("c", "Iranian-backed militias are looking to takeover Iraq and Tehran wants to see Iraq become a proxy of theirs’ like Syria used to be."),
    ("c", "There are many reasons why a full U.S. withdrawal and the exit of NATO advisers from the country would be a disaster."),
    ("c", "Given the power vacuum in the country, the withdrawal of the United States and NATO will take away the only stabilizing force in the country and the only thing from preventing Iranian-backed Jihadists from taking over."),
    ("x", "If these Iranian-backed militias take over here will be the results of that."),
    ("c", "The Iraqi people will live under a medieval authoritarian theocracy."),
    ("c", "All semblance of democratic government in the country would be wiped away."),
    ("c", "Ethnic, racial and religious minorities, women and LGBTQ+ Iraqis would all be in grave danger."),
    ("c", "Iraq would become a haven for every terrorist group in the region."),
    ("c", "Hamas, Hezbollah, The Houthis, Islamic Jihad, Al-Qaeda, ISIS, etc. would all find a home in the land between the Tigris and the Euphrates."),
    ("c", "Iran would now have a brand new proxy to replace Assad and Syria."),
    ("c", "Iranian troops would be stationed in Iraq."),
    ("c", "The Kurdish Autonomous Zone in Northern Iraq would be overrun and conquered lickity split."),
    ("c", "We would see massacres of minorities in Iraq as we are currently seeing in Syria."),
    ("c", "Russia and China would also have a brand new ally in the Middle East."),
    ("c", "Iraqi moderates would be lined up against the wall and shot."),
    ("c", "An Iranian-backed Jihadist Iraqi government would be a major national security threat to the United States, the West, Israel, the moderate Arab regimes, and especially the Kurds."),
    ("c", "You also see a huge refugee crisis unfold as millions of Iraqis we flee to safety in the United States, Great Britain, the European Union, and neighborhood countries."),
    ("c", "Iraqi children would be brainwashed to become religious fanatics."),
    ("c", "The risk of Jihadism spreading into Kuwait, Saudi Arabia, Bahrain, Oman, the UAE, Egypt, and Jordan becomes a frighteningly real possibility."),
    ("c", "President Trump has stood firm in Iraq and kept Iran in check."),
    ("c", "The Ayatollahs fear Donald Trump because they know from experience, he doesn’t mess around."),
    ("e", "In his first term, he bankrupt them, pulled out of the idiotic Iran Deal and killing one of their top military officials General Qassem Soleimani and Iraqi Popular Mobilization Forces powerbroker Abu Mahdi al-Muhandis."),
    ("e", "In his second term, he has stood by Israel in their war against Iran’s proxies and wiped out their nuclear facilities in Operation Midnight Hammer."),
    ("c", "He must continue that posture in Iraq and I applaud that he has threatened Iran with retaliation if they attack our forces."),
    ("c", "I would encourage him to avoid a total withdrawal from Iraq and to keep a substantial American presence there."),
]

SEED_003 = [
    ("e", "In July 2025, Baghdad and Washington finalized a phased withdrawal framework."),
    ("e", "U.S. combat forces will exit central and western Iraq by December, while counterterrorism and training operations continue from Kurdistan."),
    ("e", "After sustained pressure from Iraq’s legislature and Iran-aligned factions, both sides celebrated the compromise."),
    ("c", "The pattern has become familiar: each American intervention promises to be the last, each drawdown is supposed to mark a new chapter of Iraqi self-reliance."),
    ("c", "Yet Iraq’s underlying fractures, sectarian divisions, weak institutions, and competing foreign influences remain as deep as ever."),
    ("c", "What changes is not the fundamental instability, but rather who benefits from it."),
    ("e", "A new U.S.–Iraq withdrawal deal promises a “complete exit” from central and western Iraq."),
    ("c", "On the surface, it looks like a victory for Iraqi sovereignty and a step toward ending America’s forever wars."),
    ("c", "In reality, it’s neither."),
    ("c", "U.S. forces are not leaving Iraq."),
    ("c", "They’re relocating to Kurdistan, the one region that welcomes them, while vacating areas where security is most fragile."),
    ("e", "Roughly 2,500 U.S. troops still remain in Iraq as of mid-2025, largely in advisory roles."),
    ("c", "This redeployment protects American lives but shifts power within Iraq in ways that could ultimately strengthen Iran."),
    ("x", "Mostly Theater"),
    ("e", "Iraqi Prime Minister Mohammed al-Sudani faces heavy pressure from nationalist politicians and Iran-backed militias to push out foreign forces."),
    ("c", "Framing the withdrawal as a triumph for sovereignty helps him project strength and score electoral points."),
    ("c", "The political calculus is clear: being seen as the leader who expelled foreign forces plays well domestically, especially among Shia constituencies who view the American presence as an occupation."),
    ("c", "It also helps al-Sudani navigate between competing pressures from Washington and Tehran."),
    ("c", "But declaring victory and achieving it are different things entirely."),
    ("c", "But sovereignty here is optics, not reality."),
    ("e", "Remnants of the Islamic State still launch over 100 attacks a year, according to UN reporting."),
    ("e", "U.S. officials estimate that 1,500–3,000 Islamic State fighters remain active across Iraq and Syria."),
    ("c", "Militias remain armed, entrenched, and politically influential."),
    ("c", "For many Iraqis, sovereignty looks more like insecurity."),
    ("c", "For Washington, this shift is less about strategy than survival."),
    ("e", "U.S. bases in Baghdad and Anbar have long been targets for rockets and drones launched by Iran-aligned militias."),
    ("e", "Since October 2023, there have been more than 180 such attacks across Iraq and Syria."),
    ("e", "One of the most serious incidents came in early 2024, when drones hit Ain al-Asad airbase in Anbar, injuring U.S. personnel."),
    ("c", "That single attack underscored the constant risk: any American casualties could trigger a political storm back in Washington."),
    ("c", "In an election year, candidates from either party don’t want to explain why Americans are still dying in Iraq."),
    ("c", "By shifting forces to Erbil in Kurdistan, the United States reduces exposure while maintaining a foothold."),
    ("c", "From there, it can still track the Islamic State and reach into Syria."),
    ("c", "Call it a drawdown, call it a repositioning, but it’s not departure."),
    ("c", "It’s a relocation under fire."),
    ("x", "Kurdistan Gains New Leverage"),
    ("c", "The quiet winner is the Kurdistan Regional Government (KRG)."),
    ("c", "Hosting U.S. forces boosts Erbil’s security, strengthens its bargaining power in oil revenue and territorial disputes with Baghdad, and raises its international profile."),
    ("c", "For the Kurds, this arrangement solves multiple problems at once."),
    ("c", "They get protection from external threats while signaling to the world that they remain a reliable partner for Western powers."),
    ("c", "Meanwhile, Baghdad’s own decision to push out American forces makes it harder for the central government to criticize Kurdistan for welcoming them."),
    ("c", "The KRG can now claim it’s simply filling a void that Baghdad created."),
    ("c", "The irony is sharp: Baghdad demanded the U.S. exit to show control, but in doing so it empowered the one region most determined to remain semi-autonomous."),
    ("c", "With U.S. troops now stationed in Erbil, Kurdistan gains not just a shield against the Islamic State and militias, but also political capital it can leverage in Iraq’s endless federal battles."),
    ("x", "The Remaining Vacuum"),
    ("c", "The danger lies in what happens to the spaces the U.S. vacates."),
    ("c", "Central and southern Iraq are now more vulnerable than ever."),
    ("c", "The Islamic State no longer controls cities, but sleeper cells remain."),
    ("e", "In June 2025, Reuters reported that Islamic State fighters were reactivating networks and attempting ambushes in provinces like Diyala and Kirkuk."),
    ("c", "These are reminders that the group still has the capacity to disrupt daily life."),
    ("c", "At the same time, Iran-backed militias are filling the void."),
    ("c", "They aren’t just waging violence; they’re embedding themselves politically."),
    ("e", "Parliament has recently advanced legislation to give the Popular Mobilization Forces (PMF) a more formal role in state security, a move that would entrench Tehran’s allies inside Iraq’s governing framework."),
    ("c", "For Iraqis living outside Kurdistan, withdrawal doesn’t look like sovereignty."),
    ("c", "It looks like abandonment: to militias, insurgents, and political factions whose loyalties lie eastward."),
    ("c", "Here’s the uncomfortable truth: moving troops north doesn’t just protect Americans."),
    ("c", "It opens space for Tehran."),
    ("c", "With U.S. forces out of Iraq’s heartland, Iranian-backed militias are freer to expand influence in politics, security, and the economy."),
    ("c", "The economic side is especially revealing."),
    ("e", "A fuel-oil smuggling network tied to these groups generates roughly $1 billion annually, channeling resources directly to Iran and its proxies."),
    ("c", "That money buys weapons, secures patronage networks, and keeps Tehran’s hand firmly inside Iraq."),
    ("c", "So, while Washington presents this as a “strategic drawdown,” the practical effect is different."),
    ("c", "Safety for U.S. soldiers comes at the price of influence over Iraq’s center and south."),
    ("c", "Visible empowerment goes to the Kurds."),
    ("c", "Invisible empowerment goes to Iran."),
    ("c", "This isn’t unprecedented."),
    ("e", "After the 2011 withdrawal, the Islamic State filled the vacuum, seizing territory and plunging Iraq back into crisis."),
    ("c", "The parallels are striking."),
    ("e", "Then, as now, Iraqi forces were deemed “ready” to handle security independently."),
    ("c", "Then, as now, political divisions in Baghdad created opportunities for extremist groups."),
    ("c", "Then, as now, Iran-backed militias positioned themselves as the alternative to American influence."),
    ("c", "Today’s landscape carries the same risks: exposed provinces, resurgent militants, and Iran-backed militias eager to consolidate gains."),
    ("c", "The United States may shield its personnel, but the long-term fallout could be another destabilizing cycle."),
    ("x", "Who Really Wins?"),
    ("c", "Baghdad celebrates sovereignty."),
    ("c", "Washington claims victory."),
    ("c", "The Kurds gain leverage."),
    ("c", "And Iran, quietly, may be the biggest winner."),
    ("c", "But the story does not end with declarations of victory."),
    ("c", "Iraq now faces two broad paths."),
    ("c", "One is domestic: militias aligned with Tehran tighten their grip on central and southern Iraq while Kurdistan, shielded by U.S. forces, presses for greater autonomy, pushing the country further toward fragmentation."),
    ("c", "The other is international: Washington adapts through diplomacy rather than direct military presence, investing in air defense, deepening ties with the Kurds, and leaning on regional partners to contain the fallout."),
    ("c", "Neither outcome represents the sovereignty Baghdad claims."),
    ("c", "Instead, both show how the withdrawal redraws Iraq’s political map without truly stabilizing it."),
    ("c", "The real question is not whether U.S. troops leave but who fills the vacuum they leave behind."),
    ("c", "And right now, the answer looks less like Baghdad and far more like Erbil, and Tehran."),
]

LABELS = {"c": "claim", "e": "evidence", "o": "opinion", "x": "other"}


def rows_for(name, items):
    text = (ROOT / "articles" / f"{name}.txt").read_text(encoding="utf-8")
    pos = 0
    register = "oped"
    covered = []
    out = []
    for item in items:
        if item == "COMMENTS":
            register = "comment"
            continue
        code, sentence = item
        at = text.find(sentence, pos)
        if at < 0:
            sys.exit(f"{name}: not found in order: {sentence[:60]!r}")
        if text[pos:at].strip():
            sys.exit(f"{name}: uncovered text before {sentence[:40]!r}: {text[pos:at]!r}")
        covered.append((at, at + len(sentence)))
        pos = at + len(sentence)
        out.append([sentence, LABELS[code], name, register, "iraq"])
    if text[pos:].strip():
        sys.exit(f"{name}: uncovered text at end: {text[pos:][:80]!r}")
    return out


def main():
    rows = rows_for("000_617e8be21920131a", SEED_000) + rows_for("003_00ec76e79eb1746a", SEED_003)
    if len(rows) != 145:
        sys.exit(f"expected 145 sentences, got {len(rows)}")
    dest = ROOT / "labelled" / "seeds.csv"
    with dest.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["text", "label", "doc", "register", "topic"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {dest}")


if __name__ == "__main__":
    main()
